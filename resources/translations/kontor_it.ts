<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>Kontor::AppController</name>
    <message>
        <location filename="../../app/desktop/appcontroller.cpp" line="+43"/>
        <source>Kontor ledgers (*.kontor);;All files (*)</source>
        <translation>Registri Kontor (*.kontor);;Tutti i file (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The file %1 cannot be read: %2.</source>
        <translation>Impossibile leggere il file %1: %2.</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Invoicing and bookkeeping, offline first.</source>
        <translation>Fatturazione e contabilità, anche senza rete.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the ledger FILE.</source>
        <translation>Apre il registro FILE.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A ledger file to open.</source>
        <translation>Un file di registro da aprire.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[file]</source>
        <translation>[file]</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <location line="+118"/>
        <location line="+72"/>
        <location line="+9"/>
        <source>Cannot open the ledger</source>
        <translation>Impossibile aprire il registro</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Kontor</source>
        <translation>Kontor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kontor needs a ledger to work with. Open another ledger file or create a new one?</source>
        <translation>Kontor ha bisogno di un registro su cui lavorare. Aprire un altro file di registro o crearne uno nuovo?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open…</source>
        <translation>&amp;Apri…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New ledger…</source>
        <translation>&amp;Nuovo registro…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>This ledger is open in another Kontor (process %1 on %2). Close it there first.</source>
        <translation>Questo registro è aperto in un altro Kontor (processo %1 su %2). Chiudilo prima lì.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No ledger is open.</source>
        <translation>Nessun registro è aperto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A backup copy cannot replace the ledger it copies; choose another file.</source>
        <translation>Una copia di backup non può sostituire il registro che copia; scegli un altro file.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The file %1 cannot be replaced.</source>
        <translation>Il file %1 non può essere sostituito.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backup copy cannot be written to %1.</source>
        <translation>Impossibile scrivere la copia di backup in %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New ledger</source>
        <translation>Nuovo registro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>new-books.kontor</source>
        <translation>nuovo-registro.kontor</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot create the ledger</source>
        <translation>Impossibile creare il registro</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open ledger</source>
        <translation>Apri registro</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1-backup-%2.kontor</source>
        <translation>%1-backup-%2.kontor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save a backup copy</source>
        <translation>Salva una copia di backup</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot save the backup copy</source>
        <translation>Impossibile salvare la copia di backup</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backup copy saved as %1</source>
        <translation>Copia di backup salvata come %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+2"/>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
</context>
<context>
    <name>Kontor::ConflictListModel</name>
    <message>
        <location filename="../../ui/conflictlistmodel.cpp" line="+66"/>
        <source>Kept (the later change, from any device): %1</source>
        <translation>Mantenuto (la modifica più recente, da qualunque dispositivo): %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lost (&quot;Keep mine&quot; restores it): %1</source>
        <translation>Perso («Tieni il mio» lo ripristina): %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept value</source>
        <translation>Valore mantenuto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lost value</source>
        <translation>Valore perso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The value the books hold now: the later of the two changes.</source>
        <translation>Il valore che la contabilità contiene ora: la più recente delle due modifiche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The value that lost the merge; &quot;Keep mine&quot; restores it.</source>
        <translation>Il valore che ha perso l’unione; «Tieni il mio» lo ripristina.</translation>
    </message>
</context>
<context>
    <name>Kontor::CreditNoteDialog</name>
    <message>
        <location filename="../../ui/creditnotedialog.cpp" line="+31"/>
        <source>Credit note for invoice %1</source>
        <translation>Nota di credito per la fattura %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A credit note corrects invoice %1 of %2 (total %3, already credited %4). It gets its own number and cannot be changed once issued.</source>
        <translation>Una nota di credito rettifica la fattura %1 del %2 (totale %3, già stornato %4). Riceve un numero proprio e, una volta emessa, non può essere modificata.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Credit the &amp;whole invoice</source>
        <translation>Storna l&apos;&amp;intera fattura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit &amp;selected lines and quantities</source>
        <translation>Storna le righe e le quantità &amp;selezionate</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lines to credit</source>
        <translation>Righe da stornare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Line</source>
        <translation>Riga</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quantity to credit</source>
        <translation>Quantità da stornare</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invoiced</source>
        <translation>Fatturata</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit price</source>
        <translation>Prezzo unitario</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+38"/>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Causale</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>e.g. returned goods, price corrected</source>
        <translation>es. merce resa, prezzo corretto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue date</source>
        <translation>Data di emissione</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Causale:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit note total:</source>
        <translation>Totale della nota di credito:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Issue credit note...</source>
        <translation>&amp;Emetti nota di credito...</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+1"/>
        <source>Lines</source>
        <translation>Righe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Credit more than 0 and at most the invoiced quantity (%1).</source>
        <translation>Storna più di 0 e al massimo la quantità fatturata (%1).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose at least one line to credit.</source>
        <translation>Scegli almeno una riga da stornare.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (left to credit on the invoice: %2)</source>
        <translation>%1 (ancora stornabile sulla fattura: %2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Issue credit note</source>
        <translation>Emetti nota di credito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue credit note %1 for %2?</source>
        <translation>Emettere la nota di credito %1 per %2?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It corrects invoice %1 and cannot be changed once issued.</source>
        <translation>Rettifica la fattura %1 e, una volta emessa, non può essere modificata.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issue</source>
        <translation>&amp;Emetti</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The credit note was not issued.</source>
        <translation>La nota di credito non è stata emessa.</translation>
    </message>
</context>
<context>
    <name>Kontor::CustomerEditor</name>
    <message>
        <location filename="../../ui/customereditor.cpp" line="+44"/>
        <location line="+85"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="-84"/>
        <location line="+85"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>name@example.com</source>
        <translation>nome@esempio.it</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+84"/>
        <source>VAT ID</source>
        <translation>Partita IVA</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>e.g. IT01234567890</source>
        <translation>es. IT01234567890</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+83"/>
        <source>Tax ID</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+189"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;VAT ID:</source>
        <translation>&amp;Partita IVA:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ta&amp;x ID:</source>
        <translation>Codice fi&amp;scale:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+73"/>
        <source>Payment terms</source>
        <translation>Termini di pagamento</translation>
    </message>
    <message>
        <location line="-71"/>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Company default (%n days)</source>
        <translation>
            <numerusform>Predefinito dell&apos;azienda (%n giorno)</numerusform>
            <numerusform>Predefinito dell&apos;azienda (%n giorni)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+68"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Company default (%1)</source>
        <translation>Predefinita dell&apos;azienda (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+62"/>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>&amp;Archived: keep the documents, stop offering this customer</source>
        <translation>&amp;Archiviato: conserva i documenti, non proporre più questo cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archived</source>
        <translation>Archiviato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terms</source>
        <translation>Condizioni</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment &amp;terms:</source>
        <translation>&amp;Termini di pagamento:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;urrency:</source>
        <translation>&amp;Valuta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+52"/>
        <source>Billing address</source>
        <translation>Indirizzo di fatturazione</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+51"/>
        <source>Shipping address</source>
        <translation>Indirizzo di spedizione</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>S&amp;hip to the billing address</source>
        <translation>Spe&amp;disci all&apos;indirizzo di fatturazione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ship to the billing address</source>
        <translation>Spedisci all&apos;indirizzo di fatturazione</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save (%1)</source>
        <translation>Salva (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;invoice</source>
        <translation>Nuova &amp;fattura</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+36"/>
        <source>%1, street</source>
        <translation>%1, via</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+36"/>
        <source>%1, additional line</source>
        <translation>%1, riga aggiuntiva</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+35"/>
        <source>%1, postal code</source>
        <translation>%1, CAP</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+35"/>
        <source>%1, city</source>
        <translation>%1, città</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+35"/>
        <source>%1, region</source>
        <translation>%1, provincia</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+37"/>
        <source>%1, country</source>
        <translation>%1, paese</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Street:</source>
        <translation>Via:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Additional line:</source>
        <translation>Riga aggiuntiva:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Postal code, city:</source>
        <translation>CAP, città:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region:</source>
        <translation>Provincia:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country:</source>
        <translation>Paese:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>New customer</source>
        <translation>Nuovo cliente</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+58"/>
        <source>Customer %1</source>
        <translation>Cliente %1</translation>
    </message>
</context>
<context>
    <name>Kontor::CustomerFilterEdit</name>
    <message>
        <location filename="../../ui/customerfilteredit.cpp" line="+18"/>
        <source>Any customer</source>
        <translation>Qualsiasi cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer filter</source>
        <translation>Filtro per cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type the start of a customer&apos;s name and pick it from the list</source>
        <translation>Scrivi l&apos;inizio del nome di un cliente e sceglilo dall&apos;elenco</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Kontor::CustomerListModel</name>
    <message>
        <location filename="../../ui/customerlistmodel.cpp" line="+33"/>
        <source>%1 (archived)</source>
        <translation>%1 (archiviato)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT ID</source>
        <translation>Partita IVA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>City</source>
        <translation>Città</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
</context>
<context>
    <name>Kontor::CustomerListPage</name>
    <message>
        <location filename="../../ui/customerlistpage.cpp" line="+23"/>
        <source>&amp;Search:</source>
        <translation>&amp;Cerca:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start of the name</source>
        <translation>Inizio del nome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Search customers</source>
        <translation>Cerca clienti</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New customer</source>
        <translation>&amp;Nuovo cliente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New customer</source>
        <translation>Nuovo cliente</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New &amp;invoice for customer</source>
        <translation>Nuova &amp;fattura per il cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New invoice for the selected customer</source>
        <translation>Nuova fattura per il cliente selezionato</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show &amp;archived</source>
        <translation>Mostra &amp;archiviati</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show archived customers</source>
        <translation>Mostra i clienti archiviati</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Customers</source>
        <translation>Clienti</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No customers yet.</source>
        <translation>Ancora nessun cliente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No customer name starts with that.</source>
        <translation>Nessun nome di cliente inizia così.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First %1 customers shown; more load as you scroll.</source>
        <translation>Mostrati i primi %1 clienti; gli altri si caricano scorrendo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers shown: %1</source>
        <translation>Clienti mostrati: %1</translation>
    </message>
</context>
<context>
    <name>Kontor::DashboardPage</name>
    <message>
        <location filename="../../ui/dashboardpage.cpp" line="+52"/>
        <source>&amp;Year:</source>
        <translation>&amp;Anno:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Year shown</source>
        <translation>Anno mostrato</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Outstanding receivables</source>
        <translation>Crediti da incassare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Of which overdue</source>
        <translation>Di cui scaduti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue receivables</source>
        <translation>Crediti scaduti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue in the year (net)</source>
        <translation>Ricavi dell&apos;anno (imponibile)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revenue in the year</source>
        <translation>Ricavi dell&apos;anno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expenses in the year (net)</source>
        <translation>Spese dell&apos;anno (imponibile)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expenses in the year</source>
        <translation>Spese dell&apos;anno</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+55"/>
        <source>Revenue</source>
        <translation>Ricavi</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Expenses</source>
        <translation>Spese</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Revenue and expenses per month</source>
        <translation>Ricavi e spese per mese</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Revenue in %1: %2</source>
        <translation>Ricavi di %1: %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expenses in %1: %2</source>
        <translation>Spese di %1: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Top customers by revenue</source>
        <translation>Migliori clienti per ricavi</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+173"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>%1 (of which %2 overdue)</source>
        <translation>%1 (di cui %2 scaduti)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Some figures could not be read: %1</source>
        <translation>Alcuni dati non si sono potuti leggere: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Also outstanding in other currencies: %1</source>
        <translation>Da incassare anche in altre valute: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: revenue %2, expenses %3</source>
        <translation>%1: ricavi %2, spese %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Revenue and expenses in %1 (%2, net of VAT)</source>
        <translation>Ricavi e spese nel %1 (%2, al netto dell&apos;IVA)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(no name)</source>
        <translation>(senza nome)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No revenue in %1</source>
        <translation>Nessun ricavo nel %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top customers in %1</source>
        <translation>Migliori clienti nel %1</translation>
    </message>
</context>
<context>
    <name>Kontor::DateRangeFilter</name>
    <message>
        <location filename="../../ui/daterangefilter.cpp" line="+37"/>
        <source>Any</source>
        <translation>Qualsiasi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fro&amp;m:</source>
        <translation>&amp;Dal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From date</source>
        <translation>Dalla data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;o:</source>
        <translation>A&amp;l:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Alla data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only from this date on; Delete sets it back to any date</source>
        <translation>Solo da questa data in poi; Canc la riporta a qualsiasi data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only up to this date; Delete sets it back to any date</source>
        <translation>Solo fino a questa data; Canc la riporta a qualsiasi data</translation>
    </message>
</context>
<context>
    <name>Kontor::DocumentListModel</name>
    <message>
        <location filename="../../ui/documentlistmodel.cpp" line="+83"/>
        <source>Overdue</source>
        <translation>Scaduta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unpaid</source>
        <translation>Non pagata</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issued</source>
        <translation>Emessa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partially paid</source>
        <translation>Parzialmente pagata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <translation>Pagata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credited</source>
        <translation>Stornata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Converted</source>
        <translation>Convertito</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(draft)</source>
        <translation>(bozza)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Due on %1, %2 still open</source>
        <translation>Scadenza %1, ancora da pagare %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This column cannot be sorted</source>
        <translation>Questa colonna non può essere ordinata</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Number</source>
        <translation>Numero</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid until</source>
        <translation>Valido fino al</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Net</source>
        <translation>Imponibile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balance</source>
        <translation>Da pagare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Stato</translation>
    </message>
</context>
<context>
    <name>Kontor::DocumentListPage</name>
    <message>
        <location filename="../../ui/documentlistpage.cpp" line="+51"/>
        <source>&amp;Search:</source>
        <translation>&amp;Cerca:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number or customer name</source>
        <translation>Numero o nome del cliente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Finds documents whose number or customer name starts with the text</source>
        <translation>Trova i documenti il cui numero o nome del cliente inizia con il testo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New quote</source>
        <translation>&amp;Nuovo preventivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;New invoice</source>
        <translation>&amp;Nuova fattura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New quote</source>
        <translation>Nuovo preventivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New invoice</source>
        <translation>Nuova fattura</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stat&amp;us:</source>
        <translation>Sta&amp;to:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status filter</source>
        <translation>Filtro per stato</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Customer:</source>
        <translation>Cl&amp;iente:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Over&amp;due only</source>
        <translation>Solo &amp;scadute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only overdue invoices</source>
        <translation>Mostra solo le fatture scadute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open invoices past their due date</source>
        <translation>Fatture non saldate oltre la scadenza</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;lear filters</source>
        <translation>A&amp;zzera filtri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clear filters</source>
        <translation>Azzera filtri</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Outstanding receivables</source>
        <translation>Crediti da incassare</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Search invoices</source>
        <translation>Cerca fatture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search quotes</source>
        <translation>Cerca preventivi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search credit notes</source>
        <translation>Cerca note di credito</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Invoices</source>
        <translation>Fatture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quotes</source>
        <translation>Preventivi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit notes</source>
        <translation>Note di credito</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All</source>
        <translation>Tutti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open (unpaid or partially paid)</source>
        <translation>Aperte (non pagate o parzialmente pagate)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Unpaid</source>
        <translation>Non pagata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partially paid</source>
        <translation>Parzialmente pagata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Pagata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credited</source>
        <translation>Stornata</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issued</source>
        <translation>Emessa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <translation>Aperto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Converted</source>
        <translation>Convertito</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No invoices to show.</source>
        <translation>Nessuna fattura da mostrare.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No quotes to show.</source>
        <translation>Nessun preventivo da mostrare.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No credit notes to show.</source>
        <translation>Nessuna nota di credito da mostrare.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Matching rows: %1 (%2 loaded; more load as you scroll)</source>
        <translation>Righe corrispondenti: %1 (%2 caricate; le altre si caricano scorrendo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows shown: %1</source>
        <translation>Righe mostrate: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Net %1 · VAT %2 · Total %3 · Balance %4</source>
        <translation>Imponibile %1 · IVA %2 · Totale %3 · Da pagare %4</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Outstanding amounts could not be read: %1</source>
        <translation>Gli importi da incassare non si sono potuti leggere: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No invoice is waiting for payment.</source>
        <translation>Nessuna fattura in attesa di pagamento.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 outstanding, of which %2 overdue</source>
        <translation>%1 da incassare, di cui %2 scaduti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All invoices: %1</source>
        <translation>Tutte le fatture: %1</translation>
    </message>
</context>
<context>
    <name>Kontor::ExpenseEditor</name>
    <message>
        <location filename="../../ui/expenseeditor.cpp" line="+82"/>
        <location line="+138"/>
        <source>Supplier</source>
        <translation>Fornitore</translation>
    </message>
    <message>
        <location line="-135"/>
        <location line="+136"/>
        <source>Supplier VAT ID</source>
        <translation>Partita IVA del fornitore</translation>
    </message>
    <message>
        <location line="-133"/>
        <location line="+134"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="-130"/>
        <location line="+131"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+126"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Net amount</source>
        <translation>Imponibile</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+125"/>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+125"/>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <location line="-114"/>
        <location line="+115"/>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;urrency:</source>
        <translation>Val&amp;uta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Net:</source>
        <translation>Im&amp;ponibile:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Total:</source>
        <translation>&amp;Totale:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paid:</source>
        <translation>Pagato:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+60"/>
        <source>Receipts</source>
        <translation>Ricevute</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Receipt preview</source>
        <translation>Anteprima della ricevuta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No receipt yet.
Drop an image or PDF here, or use &quot;Add receipt&quot;.</source>
        <translation>Ancora nessuna ricevuta.
Trascina qui un&apos;immagine o un PDF, oppure usa «Aggiungi ricevuta».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Receipt image</source>
        <translation>Immagine della ricevuta</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the receipt in the system&apos;s viewer</source>
        <translation>Apri la ricevuta nel visualizzatore di sistema</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Record pa&amp;yment...</source>
        <translation>Registra pa&amp;gamento...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Su&amp;pplier:</source>
        <translation>&amp;Fornitore:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier VAT &amp;ID:</source>
        <translation>Partita IVA del fornitor&amp;e:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Category:</source>
        <translation>&amp;Categoria:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;VAT:</source>
        <translation>I&amp;VA:</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&amp;Add receipt...</source>
        <translation>&amp;Aggiungi ricevuta...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save &amp;receipt as...</source>
        <translation>Salva &amp;ricevuta come...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Op&amp;en</source>
        <translation>A&amp;pri</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Net</source>
        <translation>Imponibile</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Receipt</source>
        <translation>Ricevuta</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>New expense</source>
        <translation>Nuova spesa</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expense</source>
        <translation>Spesa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expense from %1</source>
        <translation>Spesa: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Record a payment of this expense</source>
        <translation>Registra un pagamento di questa spesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the expense first</source>
        <translation>Salva prima la spesa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing paid yet</source>
        <translation>Ancora nulla pagato</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 of %2</source>
        <translation>%1 di %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Net plus VAT is %1.</source>
        <translation>Imponibile più IVA fa %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, not saved yet</source>
        <translation>%1, non ancora salvata</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No receipt chosen.</source>
        <translation>Nessuna ricevuta scelta.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>&apos;%1&apos; is larger than 20 MiB.</source>
        <translation>«%1» supera i 20 MiB.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; cannot be read: %2</source>
        <translation>Impossibile leggere «%1»: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is empty.</source>
        <translation>«%1» è vuoto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not a PDF, PNG, JPEG or WebP file.</source>
        <translation>«%1» non è un file PDF, PNG, JPEG o WebP.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add receipt</source>
        <translation>Aggiungi ricevuta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipts (*.pdf *.png *.jpg *.jpeg *.webp);;All files (*)</source>
        <translation>Ricevute (*.pdf *.png *.jpg *.jpeg *.webp);;Tutti i file (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; cannot be written: %2</source>
        <translation>Impossibile scrivere «%1»: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save receipt as</source>
        <translation>Salva ricevuta come</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No application opens &apos;%1&apos;. The copy is in %2.</source>
        <translation>Nessuna applicazione apre «%1». La copia si trova in %2.</translation>
    </message>
</context>
<context>
    <name>Kontor::ExpenseListModel</name>
    <message>
        <location filename="../../ui/expenselistmodel.cpp" line="+83"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supplier</source>
        <translation>Fornitore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Net</source>
        <translation>Imponibile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unpaid</source>
        <translation>Da pagare</translation>
    </message>
</context>
<context>
    <name>Kontor::ExpenseListPage</name>
    <message>
        <location filename="../../ui/expenselistpage.cpp" line="+25"/>
        <source>C&amp;ategory:</source>
        <translation>C&amp;ategoria:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any category</source>
        <translation>Qualsiasi categoria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category filter</source>
        <translation>Filtro per categoria</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shows the expenses of exactly this category</source>
        <translation>Mostra le spese esattamente di questa categoria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New expense</source>
        <translation>&amp;Nuova spesa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New expense</source>
        <translation>Nuova spesa</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Expenses</source>
        <translation>Spese</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No expenses to show.</source>
        <translation>Nessuna spesa da mostrare.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Totals of the first %1 rows; more rows load as you scroll.</source>
        <translation>Totali delle prime %1 righe; le altre righe si caricano scorrendo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows shown: %1</source>
        <translation>Righe mostrate: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Net %1 · VAT %2 · Total %3 · Unpaid %4</source>
        <translation>Imponibile %1 · IVA %2 · Totale %3 · Da pagare %4</translation>
    </message>
</context>
<context>
    <name>Kontor::InvoiceEditor</name>
    <message>
        <location filename="../../ui/invoiceeditor.cpp" line="+189"/>
        <source>Standard rate</source>
        <translation>Aliquota ordinaria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zero rated</source>
        <translation>Aliquota zero</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exempt</source>
        <translation>Esente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reverse charge</source>
        <translation>Inversione contabile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Intra-community supply</source>
        <translation>Cessione intracomunitaria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export outside the EU</source>
        <translation>Esportazione fuori UE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outside the scope of VAT</source>
        <translation>Fuori campo IVA</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+663"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-603"/>
        <location line="+342"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="-341"/>
        <source>Type a customer&apos;s name</source>
        <translation>Scrivi il nome di un cliente</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New customer...</source>
        <translation>Nuovo cliente...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a customer with the name typed</source>
        <translation>Crea un cliente con il nome scritto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New customer</source>
        <translation>Nuovo cliente</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+318"/>
        <source>Issue date</source>
        <translation>Data di emissione</translation>
    </message>
    <message>
        <location line="-307"/>
        <location line="+308"/>
        <source>Due date</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <location line="-294"/>
        <location line="+295"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="-280"/>
        <location line="+281"/>
        <source>Buyer reference</source>
        <translation>Riferimento del cliente</translation>
    </message>
    <message>
        <location line="-280"/>
        <location line="+443"/>
        <source>The customer&apos;s order or reference</source>
        <translation>L&apos;ordine o il riferimento del cliente</translation>
    </message>
    <message>
        <location line="-438"/>
        <location line="+276"/>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-275"/>
        <location line="+438"/>
        <source>Printed below the lines</source>
        <translation>Stampate sotto le righe</translation>
    </message>
    <message>
        <location line="-415"/>
        <location line="+254"/>
        <source>Lines</source>
        <translation>Righe</translation>
    </message>
    <message>
        <location line="-194"/>
        <source>&amp;Add line</source>
        <translation>&amp;Aggiungi riga</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a line</source>
        <translation>Aggiungi una riga</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove line</source>
        <translation>&amp;Rimuovi riga</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the current line</source>
        <translation>Rimuovi la riga corrente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;up</source>
        <translation>Sposta in al&amp;to</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the current line up</source>
        <translation>Sposta in alto la riga corrente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move do&amp;wn</source>
        <translation>Sposta in &amp;basso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the current line down</source>
        <translation>Sposta in basso la riga corrente</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>VAT breakdown</source>
        <translation>Riepilogo IVA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payments and balance</source>
        <translation>Pagamenti e saldo</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+315"/>
        <source>&amp;Save draft</source>
        <translation>&amp;Salva bozza</translation>
    </message>
    <message>
        <location line="-312"/>
        <source>Save the draft</source>
        <translation>Salva la bozza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Issue...</source>
        <translation>&amp;Emetti...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the document its number and make it final</source>
        <translation>Assegna il numero al documento e rendilo definitivo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;PDF...</source>
        <translation>&amp;PDF...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview, save, print or send the PDF</source>
        <translation>Anteprima, salvataggio, stampa o invio del PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start a new draft with the same customer and lines</source>
        <translation>Inizia una nuova bozza con lo stesso cliente e le stesse righe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Correct this invoice, in whole or in part</source>
        <translation>Rettifica questa fattura, in tutto o in parte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record pa&amp;yment...</source>
        <translation>Registra pa&amp;gamento...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record a payment of this invoice</source>
        <translation>Registra un pagamento di questa fattura</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Issue da&amp;te:</source>
        <translation>Data di e&amp;missione:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Curre&amp;ncy:</source>
        <translation>Val&amp;uta:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Buyer reference:</source>
        <translation>&amp;Riferimento del cliente:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>N&amp;otes</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Totals</source>
        <translation>Totali</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Net:</source>
        <translation>Imponibile:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT breakdown:</source>
        <translation>Riepilogo IVA:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT:</source>
        <translation>IVA:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total:</source>
        <translation>Totale:</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>New quote</source>
        <translation>Nuovo preventivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New credit note</source>
        <translation>Nuova nota di credito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New invoice</source>
        <translation>Nuova fattura</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 for %2</source>
        <translation>%1 per %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 draft</source>
        <translation>%1 (bozza)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&amp;Valid until:</source>
        <translation>&amp;Valido fino al:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not saved yet</source>
        <translation>Non ancora salvato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, overdue since %2</source>
        <translation>%1, scaduta dal %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Corrects invoice %1</source>
        <translation>Rettifica la fattura %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Made from %1</source>
        <translation>Creata da %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a quote</source>
        <translation>un preventivo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>draft</source>
        <translation>bozza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invoice: %1</source>
        <translation>Fattura: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credit notes: %1</source>
        <translation>Note di credito: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <location line="-484"/>
        <location line="+386"/>
        <source>Due dat&amp;e:</source>
        <translation>Scaden&amp;za:</translation>
    </message>
    <message>
        <location line="-206"/>
        <location line="+307"/>
        <source>Delete draft</source>
        <translation>Elimina bozza</translation>
    </message>
    <message>
        <location line="-297"/>
        <source>Dup&amp;licate</source>
        <translation>Dup&amp;lica</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cre&amp;dit note...</source>
        <translation>&amp;Nota di credito...</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Convert to &amp;invoice</source>
        <translation>Converti in &amp;fattura</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Customer:</source>
        <translation>&amp;Cliente:</translation>
    </message>
    <message>
        <location line="+266"/>
        <source>Delete quote</source>
        <translation>Elimina preventivo</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Correct the marked cell to see the totals.</source>
        <translation>Correggi la cella evidenziata per vedere i totali.</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+2"/>
        <source>%1 on %2: %3</source>
        <translation>%1 su %2: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No lines yet</source>
        <translation>Ancora nessuna riga</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paid %1</source>
        <translation>Pagato %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credited %1</source>
        <translation>Stornato %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance due %1</source>
        <translation>Da pagare %1</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>No customer is called &apos;%1&apos;.</source>
        <translation>Nessun cliente si chiama «%1».</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+96"/>
        <location line="+14"/>
        <source>Cancelled.</source>
        <translation>Annullato.</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>An issued document cannot be changed.</source>
        <translation>Un documento emesso non può essere modificato.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Saved as a new draft.</source>
        <translation>Salvato come nuova bozza.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved.</source>
        <translation>Salvato.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only invoice and credit note drafts are issued.</source>
        <translation>Si emettono solo bozze di fatture e di note di credito.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Issue credit note</source>
        <translation>Emetti nota di credito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Issue invoice</source>
        <translation>Emetti fattura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue this credit note as number %1?</source>
        <translation>Emettere questa nota di credito con il numero %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue this invoice as number %1?</source>
        <translation>Emettere questa fattura con il numero %1?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer: %1
Total: %2

An issued document cannot be changed or deleted; it is corrected with a credit note.</source>
        <translation>Cliente: %1
Totale: %2

Un documento emesso non può essere modificato né eliminato; si rettifica con una nota di credito.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Issue</source>
        <translation>&amp;Emetti</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Issued as %1.</source>
        <translation>Emessa con il numero %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A draft cannot be paid; issue it first.</source>
        <translation>Una bozza non può essere pagata; emettila prima.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payment of %1 recorded.</source>
        <translation>Pagamento di %1 registrato.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Credit notes are made for issued invoices.</source>
        <translation>Le note di credito si fanno per fatture emesse.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Credit note %1 issued.</source>
        <translation>Nota di credito %1 emessa.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the document first.</source>
        <translation>Salva prima il documento.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This is a new draft, copied from %1.</source>
        <translation>Questa è una nuova bozza, copiata da %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only quotes are converted to invoices.</source>
        <translation>Solo i preventivi si convertono in fatture.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The quote is now this invoice draft. Check the dates, then issue it.</source>
        <translation>Il preventivo è ora questa bozza di fattura. Controlla le date, poi emettila.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An issued document cannot be deleted; correct it with a credit note.</source>
        <translation>Un documento emesso non può essere eliminato; rettificalo con una nota di credito.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this %1?</source>
        <translation>Eliminare questo documento (%1)?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deleted draft cannot be restored.</source>
        <translation>Una bozza eliminata non può essere ripristinata.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Unsaved changes</source>
        <translation>Modifiche non salvate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to this draft?</source>
        <translation>Salvare le modifiche a questa bozza?</translation>
    </message>
</context>
<context>
    <name>Kontor::ListPage</name>
    <message>
        <location filename="../../ui/listpage.cpp" line="+44"/>
        <source>Totals</source>
        <translation>Totali</translation>
    </message>
</context>
<context>
    <name>Kontor::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+188"/>
        <source>About Kontor</source>
        <translation>Informazioni su Kontor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Kontor %1&lt;/h3&gt;&lt;p&gt;Invoicing and bookkeeping for freelancers, offline first.&lt;/p&gt;&lt;p&gt;Your books are kept in the ledger file %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kontor %1&lt;/h3&gt;&lt;p&gt;Fatturazione e contabilità per liberi professionisti, anche senza rete.&lt;/p&gt;&lt;p&gt;La tua contabilità è conservata nel file di registro %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>&amp;New ledger…</source>
        <translation>&amp;Nuovo registro…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a new ledger file</source>
        <translation>Crea un nuovo file di registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open ledger…</source>
        <translation>&amp;Apri registro…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a &amp;backup copy…</source>
        <translation>Salva una copia di &amp;backup…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the open ledger to a file of your choice</source>
        <translation>Copia il registro aperto in un file a tua scelta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;invoice</source>
        <translation>Nuova &amp;fattura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice</source>
        <translation>Fattura</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;quote</source>
        <translation>Nuovo &amp;preventivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote</source>
        <translation>Preventivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;expense</source>
        <translation>Nuova &amp;spesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expense</source>
        <translation>Spesa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;customer</source>
        <translation>Nuovo &amp;cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;product</source>
        <translation>Nuovo p&amp;rodotto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find invoices</source>
        <translation>&amp;Cerca fatture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Kontor</source>
        <translation>&amp;Informazioni su Kontor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync…</source>
        <translation>&amp;Sincronizzazione…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sync state, conflicts and refused changes</source>
        <translation>Lo stato della sincronizzazione, i conflitti e le modifiche rifiutate</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Nuovo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>V&amp;isualizza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go</source>
        <translation>&amp;Vai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main toolbar</source>
        <translation>Barra degli strumenti principale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dashboard</source>
        <translation>Cruscotto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Invoices</source>
        <translation>Fatture</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quotes</source>
        <translation>Preventivi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Credit notes</source>
        <translation>Note di credito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expenses</source>
        <translation>Spese</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers</source>
        <translation>Clienti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Products</source>
        <translation>Prodotti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payments</source>
        <translation>Pagamenti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sections</source>
        <translation>Sezioni</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search invoices (%1)</source>
        <translation>Cerca fatture (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search invoices by number or customer</source>
        <translation>Cerca fatture per numero o cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type an invoice number or the start of a customer&apos;s name; Enter opens the invoice with that exact number.</source>
        <translation>Scrivi un numero di fattura o l&apos;inizio del nome di un cliente; Invio apre la fattura con esattamente quel numero.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync status</source>
        <translation>Stato della sincronizzazione</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Click to open the Sync panel</source>
        <translation>Fai clic per aprire il pannello Sincronizzazione</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1 — Kontor</source>
        <translation>%1 — Kontor</translation>
    </message>
</context>
<context>
    <name>Kontor::PagedListModel</name>
    <message>
        <location filename="../../ui/pagedlistmodel.cpp" line="+153"/>
        <source>The list could not be read: %1</source>
        <translation>Impossibile leggere l&apos;elenco: %1</translation>
    </message>
</context>
<context>
    <name>Kontor::PaymentDialog</name>
    <message>
        <location filename="../../ui/paymentdialog.cpp" line="+28"/>
        <location line="+54"/>
        <source>Record payment</source>
        <translation>Registra pagamento</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+57"/>
        <source>Amount</source>
        <translation>Importo</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Payment date</source>
        <translation>Data del pagamento</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Payment method</source>
        <translation>Metodo di pagamento</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+38"/>
        <source>Reference</source>
        <translation>Riferimento</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Bank reference, cheque number, ...</source>
        <translation>Riferimento bancario, numero di assegno, ...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Overpayment: more than the open balance was paid</source>
        <translation>&amp;Pagamento in eccesso: è stato pagato più del saldo aperto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overpayment</source>
        <translation>Pagamento in eccesso</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Amount:</source>
        <translation>&amp;Importo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>&amp;Data:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Method:</source>
        <translation>&amp;Metodo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reference:</source>
        <translation>&amp;Riferimento:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Metodo</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Invoice %1 to %2
Total %3, paid %4, open %5</source>
        <translation>Fattura %1 a %2
Totale %3, pagato %4, da pagare %5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(draft)</source>
        <translation>(bozza)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A draft cannot be paid; issue it first.</source>
        <translation>Una bozza non può essere pagata; emettila prima.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Expense from %1 of %2
Total %3, paid %4, open %5</source>
        <translation>Spesa presso %1 del %2
Totale %3, pagato %4, da pagare %5</translation>
    </message>
</context>
<context>
    <name>Kontor::PaymentListModel</name>
    <message>
        <location filename="../../ui/paymentlistmodel.cpp" line="+36"/>
        <source>Received</source>
        <translation>Incassato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paid out</source>
        <translation>Pagato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invoice %1</source>
        <translation>Fattura %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expense: %1</source>
        <translation>Spesa: %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>This payment was more than the amount due</source>
        <translation>Questo pagamento ha superato l&apos;importo dovuto</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For</source>
        <translation>Riferito a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer or supplier</source>
        <translation>Cliente o fornitore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Method</source>
        <translation>Metodo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference</source>
        <translation>Riferimento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amount</source>
        <translation>Importo</translation>
    </message>
</context>
<context>
    <name>Kontor::PaymentListPage</name>
    <message>
        <location filename="../../ui/paymentlistpage.cpp" line="+24"/>
        <source>&amp;Show:</source>
        <translation>&amp;Mostra:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment direction filter</source>
        <translation>Filtro per tipo di pagamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All payments</source>
        <translation>Tutti i pagamenti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received for invoices</source>
        <translation>Incassi delle fatture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid out for expenses</source>
        <translation>Pagamenti delle spese</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Payments</source>
        <translation>Pagamenti</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No payments to show.</source>
        <translation>Nessun pagamento da mostrare.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Totals of the first %1 payments; more load as you scroll.</source>
        <translation>Totali dei primi %1 pagamenti; gli altri si caricano scorrendo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payments shown: %1</source>
        <translation>Pagamenti mostrati: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received %1 · Paid out %2</source>
        <translation>Incassato %1 · Pagato %2</translation>
    </message>
</context>
<context>
    <name>Kontor::PdfPreview</name>
    <message>
        <location filename="../../ui/pdfpreview.cpp" line="+58"/>
        <location line="+2"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (draft)</source>
        <translation>%1 (bozza)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The document cannot be read: %1</source>
        <translation>Impossibile leggere il documento: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 - Preview</source>
        <translation>%1 - Anteprima</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Page preview</source>
        <translation>Anteprima della pagina</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zoom in</source>
        <translation>Ingrandisci</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom out</source>
        <translation>Riduci</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit width</source>
        <translation>Adatta alla larghezza</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save as PDF...</source>
        <translation>&amp;Salva come PDF...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print...</source>
        <translation>S&amp;tampa...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>S&amp;end...</source>
        <translation>&amp;Invia...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the PDF, open your mail client and the folder with the PDF</source>
        <translation>Salva il PDF e apri il programma di posta e la cartella che lo contiene</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the folder for sent PDFs...</source>
        <translation>Scegli la cartella per i PDF inviati...</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The document cannot be shown: %1</source>
        <translation>Impossibile mostrare il documento: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Invoice %1 from %2</source>
        <translation>Fattura %1 di %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hello,

please find attached invoice %1 of %2 for %3, due on %4.

Kind regards,
%5</source>
        <translation>Buongiorno,

in allegato la fattura %1 del %2 di %3, con scadenza il %4.

Cordiali saluti,
%5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Credit note %1 from %2</source>
        <translation>Nota di credito %1 di %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hello,

please find attached credit note %1 of %2 for %3.

Kind regards,
%4</source>
        <translation>Buongiorno,

in allegato la nota di credito %1 del %2 di %3.

Cordiali saluti,
%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quote from %1</source>
        <translation>Preventivo di %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hello,

please find attached our quote of %1 for %2, valid until %3.

Kind regards,
%4</source>
        <translation>Buongiorno,

in allegato il nostro preventivo del %1 di %2, valido fino al %3.

Cordiali saluti,
%4</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>[Attach the PDF before sending: %1]</source>
        <translation>[Allega il PDF prima dell&apos;invio: %1]</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The folder %1 cannot be created.</source>
        <translation>Impossibile creare la cartella %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Save as PDF</source>
        <translation>Salva come PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+23"/>
        <source>The PDF was not saved: %1</source>
        <translation>Il PDF non è stato salvato: %1</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Saved %1.</source>
        <translation>Salvato %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Print %1</source>
        <translation>Stampa %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The document was not printed: %1</source>
        <translation>Il documento non è stato stampato: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved %1 and opened your mail client. Attach the PDF to the message; the folder with the file is open.</source>
        <translation>Salvato %1 e aperto il programma di posta. Allega il PDF al messaggio; la cartella con il file è aperta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved %1. No mail client is set up to open mail links: send the PDF from your web mail; the folder with the file is open.</source>
        <translation>Salvato %1. Nessun programma di posta è configurato per aprire i link e-mail: invia il PDF dalla tua webmail; la cartella con il file è aperta.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folder for sent PDFs</source>
        <translation>Cartella per i PDF inviati</translation>
    </message>
</context>
<context>
    <name>Kontor::ProductEditor</name>
    <message>
        <location filename="../../ui/producteditor.cpp" line="+32"/>
        <location line="+64"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+62"/>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+58"/>
        <source>Unit</source>
        <translation>Unità</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+55"/>
        <source>Unit price</source>
        <translation>Prezzo unitario</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+52"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Company default (%1)</source>
        <translation>Predefinita dell&apos;azienda (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+49"/>
        <source>Tax rate</source>
        <translation>Aliquota IVA</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>&amp;Archived: no longer offered on new lines</source>
        <translation>&amp;Archiviato: non più proposto nelle nuove righe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archived</source>
        <translation>Archiviato</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>&amp;Descrizione:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unit:</source>
        <translation>&amp;Unità:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit &amp;price:</source>
        <translation>&amp;Prezzo unitario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tax rate:</source>
        <translation>Aliquota I&amp;VA:</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>New product</source>
        <translation>Nuovo prodotto</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Product</source>
        <translation>Prodotto</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+58"/>
        <source>Product %1</source>
        <translation>Prodotto %1</translation>
    </message>
</context>
<context>
    <name>Kontor::ProductListModel</name>
    <message>
        <location filename="../../ui/productlistmodel.cpp" line="+57"/>
        <source>%1 (archived)</source>
        <translation>%1 (archiviato)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Unità</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit price</source>
        <translation>Prezzo unitario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT rate</source>
        <translation>Aliquota IVA</translation>
    </message>
</context>
<context>
    <name>Kontor::ProductListPage</name>
    <message>
        <location filename="../../ui/productlistpage.cpp" line="+22"/>
        <source>&amp;Search:</source>
        <translation>&amp;Cerca:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A word of the name</source>
        <translation>Una parola del nome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search products and services</source>
        <translation>Cerca prodotti e servizi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New product</source>
        <translation>&amp;Nuovo prodotto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New product or service</source>
        <translation>Nuovo prodotto o servizio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show &amp;archived</source>
        <translation>Mostra &amp;archiviati</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show archived products</source>
        <translation>Mostra i prodotti archiviati</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Products and services</source>
        <translation>Prodotti e servizi</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No products or services yet.</source>
        <translation>Ancora nessun prodotto o servizio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No product name contains that.</source>
        <translation>Nessun nome di prodotto contiene questo testo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First %1 products shown; more load as you scroll.</source>
        <translation>Mostrati i primi %1 prodotti; gli altri si caricano scorrendo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products shown: %1</source>
        <translation>Prodotti mostrati: %1</translation>
    </message>
</context>
<context>
    <name>Kontor::RejectionListModel</name>
    <message>
        <location filename="../../ui/rejectionlistmodel.cpp" line="+71"/>
        <source>%1
(%2)</source>
        <translation>%1
(%2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>What</source>
        <translation>Cosa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rule</source>
        <translation>Regola</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution</source>
        <translation>Esito</translation>
    </message>
</context>
<context>
    <name>Kontor::SeriesDialog</name>
    <message>
        <location filename="../../ui/seriesdialog.cpp" line="+97"/>
        <source>Invoices</source>
        <translation>Fatture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit notes</source>
        <translation>Note di credito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quotes</source>
        <translation>Preventivi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New number series</source>
        <translation>Nuova serie di numerazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Series name</source>
        <translation>Nome della serie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Laptop invoices 2026</source>
        <translation>es. Fatture portatile 2026</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Numbers:</source>
        <translation>N&amp;umera:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of document</source>
        <translation>Tipo di documento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Prefix:</source>
        <translation>&amp;Prefisso:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Prefix</source>
        <translation>Prefisso</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>e.g. 2026-B-</source>
        <translation>es. 2026-B-</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Digits:</source>
        <translation>&amp;Cifre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number width in digits</source>
        <translation>Lunghezza del numero in cifre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add series</source>
        <translation>&amp;Aggiungi serie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Digits</source>
        <translation>Cifre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers</source>
        <translation>Numera</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The first number will be %1.</source>
        <translation>Il primo numero sarà %1.</translation>
    </message>
</context>
<context>
    <name>Kontor::SettingsPage</name>
    <message>
        <location filename="../../ui/settingspage.cpp" line="+164"/>
        <source>Company &amp;name:</source>
        <translation>&amp;Ragione sociale:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;VAT ID:</source>
        <translation>&amp;Partita IVA:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Tax code:</source>
        <translation>&amp;Codice fiscale:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Telefono:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Street:</source>
        <translation>&amp;Via:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;dditional line:</source>
        <translation>Riga &amp;aggiuntiva:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Postal c&amp;ode:</source>
        <translation>C&amp;AP:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ity:</source>
        <translation>C&amp;ittà:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Region:</source>
        <translation>Pro&amp;vincia:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Co&amp;untry:</source>
        <translation>Pa&amp;ese:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Choose a logo</source>
        <translation>Scegli un logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.svg);;All files (*)</source>
        <translation>Immagini (*.png *.jpg *.jpeg *.svg);;Tutti i file (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Default &amp;currency:</source>
        <translation>Valuta &amp;predefinita:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payment &amp;terms:</source>
        <translation>&amp;Termini di pagamento:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Bank:</source>
        <translation>&amp;Banca:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;IBAN:</source>
        <translation>&amp;IBAN:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BI&amp;C:</source>
        <translation>BI&amp;C:</translation>
    </message>
    <message>
        <location line="+147"/>
        <location line="+13"/>
        <source>Company</source>
        <translation>Azienda</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+54"/>
        <source>Tax rates</source>
        <translation>Aliquote IVA</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+61"/>
        <source>Number series</source>
        <translation>Serie di numerazione</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+68"/>
        <source>Language</source>
        <translation>Lingua</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Sync account</source>
        <translation>Account di sincronizzazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings sections</source>
        <translation>Sezioni delle impostazioni</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Invoicing defaults</source>
        <translation>Impostazioni di fatturazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. IT01234567890</source>
        <translation>es. IT01234567890</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. billing@example.com</source>
        <translation>es. fatture@esempio.it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. IT60X0542811101000000123456</source>
        <translation>es. IT60X0542811101000000123456</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. BCITITMM</source>
        <translation>es. BCITITMM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logo preview</source>
        <translation>Anteprima del logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>Sc&amp;egli…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a logo file</source>
        <translation>Scegli un file di logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve</source>
        <translation>Ri&amp;muovi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the logo</source>
        <translation>Rimuovi il logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save changes</source>
        <translation>&amp;Salva modifiche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the company profile (%1)</source>
        <translation>Salva il profilo aziendale (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;vert</source>
        <translation>A&amp;nnulla modifiche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Company name</source>
        <translation>Ragione sociale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT ID</source>
        <translation>Partita IVA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax code</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street</source>
        <translation>Via</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Additional line</source>
        <translation>Riga aggiuntiva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>CAP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Città</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Provincia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default currency</source>
        <translation>Valuta predefinita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment terms</source>
        <translation>Termini di pagamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>Banca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rate</source>
        <translation>Aliquota</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exemption reason</source>
        <translation>Motivo di esenzione</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;archived</source>
        <translation>Mostra &amp;archiviate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add tax rate…</source>
        <translation>&amp;Aggiungi aliquota…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifica…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Numbers</source>
        <translation>Numera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prefix</source>
        <translation>Prefisso</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next number</source>
        <translation>Prossimo numero</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held by</source>
        <translation>Assegnata a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add series…</source>
        <translation>&amp;Aggiungi serie…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A series numbers its documents without gaps. Each computer issues from series of its own, so two computers working offline never take the same number. Series cannot be changed or removed once created.</source>
        <translation>Una serie numera i suoi documenti senza salti. Ogni computer emette da serie proprie, così due computer che lavorano senza rete non prendono mai lo stesso numero. Una volta create, le serie non si possono modificare né eliminare.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Lingua:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language changes at once. &quot;System&quot; follows the language of the computer.</source>
        <translation>La lingua cambia subito. «Sistema» segue la lingua del computer.</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>Saved.</source>
        <translation>Salvato.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unsaved changes.</source>
        <translation>Modifiche non salvate.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The logo may be at most 2 MiB; this file is larger.</source>
        <translation>Il logo può essere al massimo di 2 MiB; questo file è più grande.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file %1 cannot be read: %2.</source>
        <translation>Impossibile leggere il file %1: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a PNG, JPEG or SVG image.</source>
        <translation>%1 non è un&apos;immagine PNG, JPEG o SVG.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No logo</source>
        <translation>Nessun logo</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Archived</source>
        <translation>Archiviata</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In use</source>
        <translation>In uso</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Restore</source>
        <translation>&amp;Ripristina</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A&amp;rchive</source>
        <translation>A&amp;rchivia</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>This computer</source>
        <translation>Questo computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Another device</source>
        <translation>Un altro dispositivo</translation>
    </message>
</context>
<context>
    <name>Kontor::SetupWizard</name>
    <message>
        <location filename="../../ui/setupwizard.cpp" line="+185"/>
        <source>Set up Kontor</source>
        <translation>Configura Kontor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Avanti &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Indietro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create ledger</source>
        <translation>&amp;Crea registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your business</source>
        <translation>La tua attività</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kontor keeps your books in one file on this computer. Tell it who issues the invoices; everything else can be changed later in Settings.</source>
        <translation>Kontor conserva la tua contabilità in un unico file su questo computer. Indica chi emette le fatture; tutto il resto si può cambiare in seguito nelle Impostazioni.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company &amp;name:</source>
        <translation>&amp;Ragione sociale:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Studio Rossi</source>
        <translation>es. Studio Rossi</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Company name</source>
        <translation>Ragione sociale</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>C&amp;ountry:</source>
        <translation>&amp;Paese:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Country</source>
        <translation>Paese</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>C&amp;urrency:</source>
        <translation>&amp;Valuta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>&amp;VAT ID:</source>
        <translation>Partita &amp;IVA:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. IT01234567890</source>
        <translation>es. IT01234567890</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>VAT ID</source>
        <translation>Partita IVA</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Optional. The two-letter country prefix followed by the number, without spaces.</source>
        <translation>Facoltativa. Il prefisso del paese di due lettere seguito dal numero, senza spazi.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invoice numbers</source>
        <translation>Numerazione delle fatture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invoices are numbered without gaps within a series. The prefix comes before the number; the year and a letter for this computer keep numbers unique when you work on more than one.</source>
        <translation>Le fatture sono numerate senza salti all&apos;interno di una serie. Il prefisso precede il numero; l&apos;anno e una lettera per questo computer mantengono i numeri unici se lavori su più di un computer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Series &amp;prefix:</source>
        <translation>&amp;Prefisso della serie:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>Series prefix</source>
        <translation>Prefisso della serie</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Letters, digits and / _ . - only.</source>
        <translation>Solo lettere, cifre e / _ . -</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The ledger will be saved as %1</source>
        <translation>Il registro sarà salvato come %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ledger file</source>
        <translation>File di registro</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your first invoice will be number %1, your first credit note %2.</source>
        <translation>La tua prima fattura avrà il numero %1, la tua prima nota di credito %2.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Cannot create the folder %1.</source>
        <translation>Impossibile creare la cartella %1.</translation>
    </message>
</context>
<context>
    <name>Kontor::SyncAccountPage</name>
    <message>
        <location filename="../../ui/syncaccountpage.cpp" line="+87"/>
        <source>Sync &amp;servers:</source>
        <translation>&amp;Server di sincronizzazione:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Device name:</source>
        <translation>Nome del &amp;dispositivo:</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tenant:</source>
        <translation>Tenant:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device:</source>
        <translation>Questo dispositivo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Servers:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved sign-in:</source>
        <translation>Accesso salvato:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Sign in to a Kontor sync server to keep this ledger in step on several computers. Without an account the ledger stays on this computer only, and everything works as before.</source>
        <translation>Accedi a un server di sincronizzazione Kontor per tenere allineato questo registro su più computer. Senza un account il registro resta solo su questo computer e tutto funziona come prima.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>https://sync.example.com</source>
        <translation>https://sync.esempio.it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several addresses: separate them with commas or new lines.</source>
        <translation>Più indirizzi: separali con virgole o a capo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The addresses of the sync servers; when one does not answer, Kontor tries the next.</source>
        <translation>Gli indirizzi dei server di sincronizzazione; quando uno non risponde, Kontor prova il successivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. billing@example.com</source>
        <translation>es. fatture@esempio.it</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How this computer is listed among the account&apos;s devices</source>
        <translation>Come questo computer compare tra i dispositivi dell’account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;in</source>
        <translation>&amp;Accedi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in to an existing account</source>
        <translation>Accedi a un account esistente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a&amp;ccount</source>
        <translation>&amp;Crea account</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create an account for this business on the server, then sign in to it</source>
        <translation>Crea sul server un account per questa attività, poi accedi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This ledger is kept in step with the other devices of the account below.</source>
        <translation>Questo registro è tenuto allineato con gli altri dispositivi dell’account qui sotto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop syncing on this computer; the ledger keeps all its data</source>
        <translation>Smetti di sincronizzare su questo computer; il registro conserva tutti i suoi dati</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync servers</source>
        <translation>Server di sincronizzazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device name</source>
        <translation>Nome del dispositivo</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sign-in token of this device is kept %1.</source>
        <translation>Il token di accesso di questo dispositivo è conservato %1.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The e-mail address or the password is wrong.</source>
        <translation>L’indirizzo e-mail o la password sono errati.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Signing in…</source>
        <translation>Accesso in corso…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Creating the account…</source>
        <translation>Creazione dell’account…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The stored sign-in could not be removed: %1</source>
        <translation>Non è stato possibile rimuovere l’accesso salvato: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed out. The ledger keeps all its data on this computer.</source>
        <translation>Disconnesso. Il registro conserva tutti i suoi dati su questo computer.</translation>
    </message>
</context>
<context>
    <name>Kontor::SyncPanel</name>
    <message>
        <location filename="../../ui/syncpanel.cpp" line="+190"/>
        <source>Sync</source>
        <translation>Sincronizzazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;now</source>
        <translation>Sincronizza &amp;ora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send this computer&apos;s changes and fetch the other devices&apos; now</source>
        <translation>Invia adesso le modifiche di questo computer e ricevi quelle degli altri dispositivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync &amp;account…</source>
        <translation>&amp;Account di sincronizzazione…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in, sign up or sign out in Settings</source>
        <translation>Accedi, crea un account o esci nelle Impostazioni</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Conflicts</source>
        <translation>Conflitti</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>When two devices change the same field, the later change is kept and the other value is listed here. &quot;Keep mine&quot; puts the lost value back as a new change, which is then sent to the other devices.</source>
        <translation>Quando due dispositivi modificano lo stesso campo, si mantiene la modifica più recente e l’altro valore è elencato qui. «Tieni il mio» rimette il valore perso come nuova modifica, che viene poi inviata agli altri dispositivi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keep mine</source>
        <translation>&amp;Tieni il mio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the lost value of the selected conflict</source>
        <translation>Ripristina il valore perso del conflitto selezionato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Ignora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the value the books hold and remove the conflict from the list</source>
        <translation>Mantieni il valore presente nella contabilità e togli il conflitto dall’elenco</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Refused changes</source>
        <translation>Modifiche rifiutate</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Changes the sync server refused, with its reason. A refused change of an issued document is kept as a new draft, so nothing typed is lost.</source>
        <translation>Le modifiche che il server di sincronizzazione ha rifiutato, con il motivo. Una modifica rifiutata di un documento emesso è conservata come nuova bozza, così nulla di quanto scritto va perso.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open as new draft</source>
        <translation>Apri come &amp;nuova bozza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the refused change of a document as a draft in the editor</source>
        <translation>Apri nell’editor la modifica rifiutata di un documento come bozza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;ismiss</source>
        <translation>I&amp;gnora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected refused change from the list</source>
        <translation>Togli dall’elenco la modifica rifiutata selezionata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Signed in as %1 on %2.</source>
        <translation>Accesso effettuato come %1 su %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This ledger is not signed in to a sync server: it is kept on this computer only.</source>
        <translation>Questo registro non è collegato a un server di sincronizzazione: è conservato solo su questo computer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last error: %1</source>
        <translation>Ultimo errore: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Error</source>
        <translation>Errore</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+22"/>
        <source>Select a conflict first.</source>
        <translation>Seleziona prima un conflitto.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The value cannot be restored: %1</source>
        <translation>Il valore non può essere ripristinato: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 restored; the change will be sent with the next sync.</source>
        <translation>%1 di %2 ripristinato; la modifica sarà inviata con la prossima sincronizzazione.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+20"/>
        <source>Select a refused change first.</source>
        <translation>Seleziona prima una modifica rifiutata.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>The change cannot be opened as a draft: %1</source>
        <translation>La modifica non può essere aperta come bozza: %1</translation>
    </message>
</context>
<context>
    <name>Kontor::SyncSession</name>
    <message>
        <location filename="../../ui/syncsession.cpp" line="+46"/>
        <source>A value of a %1 cannot be restored here; change it in the record itself.</source>
        <translation>Un valore di questo tipo (%1) non può essere ripristinato qui; modificalo nel record stesso.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The tax rate no longer exists.</source>
        <translation>L’aliquota IVA non esiste più.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The document has been issued since; an issued document cannot be changed.</source>
        <translation>Nel frattempo il documento è stato emesso; un documento emesso non può essere modificato.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>in the system keychain</source>
        <translation>nel portachiavi di sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in a file only your user account can read: %1</source>
        <translation>in un file che solo il tuo account utente può leggere: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Give the address of at least one sync server, such as https://sync.example.com.</source>
        <translation>Indica l’indirizzo di almeno un server di sincronizzazione, come https://sync.esempio.it.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a web address; write it as https://sync.example.com.</source>
        <translation>«%1» non è un indirizzo web; scrivilo come https://sync.esempio.it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not encrypted; use https:// (http:// only for a server on this computer).</source>
        <translation>«%1» non è cifrato; usa https:// (http:// solo per un server su questo computer).</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>The draft kept for this change no longer exists.</source>
        <translation>La bozza conservata per questa modifica non esiste più.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only a change of an invoice, quote or credit note can be opened as a new draft.</source>
        <translation>Solo la modifica di una fattura, di un preventivo o di una nota di credito può essere aperta come nuova bozza.</translation>
    </message>
</context>
<context>
    <name>Kontor::SyncStatus</name>
    <message>
        <location filename="../../ui/syncstatus.cpp" line="+40"/>
        <source>Local only</source>
        <translation>Solo locale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline</source>
        <translation>Non in linea</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Online</source>
        <translation>In linea</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Syncing…</source>
        <translation>Sincronizzazione…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync error: %1</source>
        <translation>Errore di sincronizzazione: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n change(s) recorded</source>
        <translation>
            <numerusform>%n modifica registrata</numerusform>
            <numerusform>%n modifiche registrate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n change(s) not synced</source>
        <translation>
            <numerusform>%n modifica non sincronizzata</numerusform>
            <numerusform>%n modifiche non sincronizzate</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last sync %1</source>
        <translation>ultima sincronizzazione %1</translation>
    </message>
</context>
<context>
    <name>Kontor::TaxRateDialog</name>
    <message>
        <location filename="../../ui/taxratedialog.cpp" line="+118"/>
        <source>S — Standard rate</source>
        <translation>S — Aliquota ordinaria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Z — Zero rated</source>
        <translation>Z — Aliquota zero</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E — Exempt from VAT</source>
        <translation>E — Esente IVA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AE — Reverse charge</source>
        <translation>AE — Inversione contabile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>K — Intra-community supply</source>
        <translation>K — Cessione intracomunitaria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>G — Export outside the EU</source>
        <translation>G — Esportazione fuori UE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>O — Outside the scope of VAT</source>
        <translation>O — Fuori campo IVA</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New tax rate</source>
        <translation>Nuova aliquota</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit tax rate</source>
        <translation>Modifica aliquota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax rate name</source>
        <translation>Nome dell&apos;aliquota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. VAT 22%</source>
        <translation>es. IVA 22%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category:</source>
        <translation>&amp;Categoria:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT category</source>
        <translation>Categoria IVA</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Rate:</source>
        <translation>&amp;Aliquota:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate in percent</source>
        <translation>Aliquota in percentuale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xemption reason:</source>
        <translation>Motivo di &amp;esenzione:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Exemption reason</source>
        <translation>Motivo di esenzione</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>e.g. Reverse charge</source>
        <translation>es. Inversione contabile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exemption &amp;code:</source>
        <translation>Co&amp;dice di esenzione:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exemption reason code</source>
        <translation>Codice del motivo di esenzione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional, e.g. VATEX-EU-AE</source>
        <translation>facoltativo, es. VATEX-EU-AE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Aliquota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exemption code</source>
        <translation>Codice di esenzione</translation>
    </message>
</context>
<context>
    <name>Kontor::Ui</name>
    <message>
        <location filename="../../ui/moneyformat.cpp" line="+127"/>
        <source>must be between 0 % and 100 %</source>
        <translation>deve essere compreso tra 0 % e 100 %</translation>
    </message>
</context>
<context>
    <name>Kontor::Ui::DocumentLineModel</name>
    <message>
        <location filename="../../ui/documentlinemodel.cpp" line="+167"/>
        <source>Unknown rate</source>
        <translation>Aliquota sconosciuta</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Product</source>
        <translation>Prodotto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quantity</source>
        <translation>Quantità</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Unità</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit price</source>
        <translation>Prezzo unitario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discount %</source>
        <translation>Sconto %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VAT rate</source>
        <translation>Aliquota IVA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Net amount</source>
        <translation>Imponibile</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>There is no such product; pick one from the list.</source>
        <translation>Questo prodotto non esiste; scegline uno dall&apos;elenco.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>There is no tax rate &apos;%1&apos;.</source>
        <translation>Non esiste alcuna aliquota «%1».</translation>
    </message>
</context>
<context>
    <name>Kontor::Ui::EditorSupport</name>
    <message>
        <location filename="../../ui/editorsupport.cpp" line="+28"/>
        <source>piece</source>
        <translation>pezzo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>hour</source>
        <translation>ora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>day</source>
        <translation>giorno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>month</source>
        <translation>mese</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kilogram</source>
        <translation>chilogrammo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>metre</source>
        <translation>metro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lump sum</source>
        <translation>a corpo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>week</source>
        <translation>settimana</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>year</source>
        <translation>anno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>minute</source>
        <translation>minuto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kilometre</source>
        <translation>chilometro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>square metre</source>
        <translation>metro quadrato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>litre</source>
        <translation>litro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kilowatt hour</source>
        <translation>chilowattora</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>(none)</source>
        <translation>(nessuno)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Bank transfer</source>
        <translation>Bonifico bancario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card</source>
        <translation>Carta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cash</source>
        <translation>Contanti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct debit</source>
        <translation>Addebito diretto (SDD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PayPal</source>
        <translation>PayPal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cheque</source>
        <translation>Assegno</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Office</source>
        <translation>Ufficio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Travel</source>
        <translation>Viaggi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meals</source>
        <translation>Pasti</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Telephone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rent</source>
        <translation>Affitto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training</source>
        <translation>Formazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fees</source>
        <translation>Commissioni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Insurance</source>
        <translation>Assicurazioni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>Altro</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invoice</source>
        <translation>Fattura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit note</source>
        <translation>Nota di credito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote</source>
        <translation>Preventivo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open</source>
        <translation>Aperto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issued</source>
        <translation>Emessa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partially paid</source>
        <translation>Parzialmente pagata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <translation>Pagata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credited</source>
        <translation>Stornata</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Converted to invoice</source>
        <translation>Convertito in fattura</translation>
    </message>
    <message>
        <location filename="../../ui/invoiceeditor.cpp" line="-1187"/>
        <source>Product</source>
        <translation>Prodotto</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unit</source>
        <translation>Unità</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>VAT rate</source>
        <translation>Aliquota IVA</translation>
    </message>
</context>
<context>
    <name>Kontor::Ui::FieldErrors</name>
    <message>
        <location filename="../../ui/fielderrors.cpp" line="+103"/>
        <source>%1, line %2, %3</source>
        <translation>%1, riga %2, %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>A customer is required to issue a document.</source>
        <translation>Per emettere un documento serve un cliente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A tax rate is required.</source>
        <translation>Serve un&apos;aliquota IVA.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every line needs a description before the document is issued.</source>
        <translation>Ogni riga deve avere una descrizione prima dell&apos;emissione del documento.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A valid date is required.</source>
        <translation>Serve una data valida.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A value is required.</source>
        <translation>Serve un valore.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The text is too long.</source>
        <translation>Il testo è troppo lungo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a number: type digits, with &apos;%1&apos; before the decimals and no more decimals than the field takes.</source>
        <translation>Questo non è un numero: scrivi cifre, con «%1» prima dei decimali e non più decimali di quanti il campo ne ammetta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not an ISO 4217 currency code such as EUR, USD or GBP.</source>
        <translation>Questo non è un codice valuta ISO 4217 come EUR, USD o GBP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not an ISO 3166 country code such as IT, DE or FR.</source>
        <translation>Questo non è un codice paese ISO 3166 come IT, DE o FR.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a valid e-mail address: it needs a name, an @ and a domain, as in name@example.com.</source>
        <translation>Questo non è un indirizzo e-mail valido: servono un nome, una @ e un dominio, come in nome@esempio.it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A VAT ID is the two-letter country prefix followed by 2 to 13 letters or digits, without spaces, as in IT01234567890.</source>
        <translation>Una partita IVA è il prefisso del paese di due lettere seguito da 2 a 13 lettere o cifre, senza spazi, come in IT01234567890.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment terms must be between 0 and 366 days.</source>
        <translation>I termini di pagamento devono essere compresi tra 0 e 366 giorni.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The quantity must not be negative; corrections are made with a credit note.</source>
        <translation>La quantità non può essere negativa; le rettifiche si fanno con una nota di credito.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The unit price must not be negative; give a discount instead.</source>
        <translation>Il prezzo unitario non può essere negativo; applica invece uno sconto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amounts must not be negative.</source>
        <translation>Gli importi non possono essere negativi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The amount exceeds the largest amount allowed.</source>
        <translation>L&apos;importo supera il massimo consentito.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A percentage must be between 0 % and 100 %.</source>
        <translation>Una percentuale deve essere compresa tra 0 % e 100 %.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The unit must be a UN/ECE unit code such as C62 (piece), HUR (hour) or DAY (day).</source>
        <translation>L&apos;unità deve essere un codice di unità UN/ECE come C62 (pezzo), HUR (ora) o DAY (giorno).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This tax rate does not exist; pick one from the list or add it in Settings.</source>
        <translation>Questa aliquota non esiste; scegline una dall&apos;elenco o aggiungila nelle Impostazioni.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The due date must not be before the issue date.</source>
        <translation>La scadenza non può precedere la data di emissione.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A document without lines cannot be issued.</source>
        <translation>Un documento senza righe non può essere emesso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A document may have at most 1000 lines.</source>
        <translation>Un documento può avere al massimo 1000 righe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no such customer; pick one from the list or create a new customer.</source>
        <translation>Questo cliente non esiste; scegline uno dall&apos;elenco o crea un nuovo cliente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The total must equal net plus VAT.</source>
        <translation>Il totale deve essere uguale all&apos;imponibile più l&apos;IVA.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The total cannot be less than what was already paid.</source>
        <translation>Il totale non può essere inferiore a quanto già pagato.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payment exceeds the open balance. Tick &quot;Overpayment&quot; if that is intended.</source>
        <translation>Il pagamento supera il saldo aperto. Spunta «Pagamento in eccesso» se è voluto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A payment must be a positive amount.</source>
        <translation>Un pagamento deve essere un importo positivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The currency must be the currency of the document it belongs to.</source>
        <translation>La valuta deve essere quella del documento a cui appartiene.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The credit note exceeds what is left to credit on the invoice.</source>
        <translation>La nota di credito supera quanto resta da stornare sulla fattura.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A credit note must credit a positive amount.</source>
        <translation>Una nota di credito deve stornare un importo positivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This number series is held by another device; take it over while online or use this device&apos;s own series.</source>
        <translation>Questa serie di numerazione è assegnata a un altro dispositivo; rilevala quando sei in linea o usa una serie propria di questo dispositivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number series moved on meanwhile; try again.</source>
        <translation>Nel frattempo la serie di numerazione è avanzata; riprova.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document is issued and cannot be changed; correct it with a credit note.</source>
        <translation>Il documento è emesso e non può essere modificato; rettificalo con una nota di credito.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file is empty.</source>
        <translation>Il file è vuoto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A receipt may be at most 20 MiB.</source>
        <translation>Una ricevuta può essere al massimo di 20 MiB.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is too large.</source>
        <translation>Il file è troppo grande.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only PDF, PNG, JPEG and WebP files can be attached as receipts.</source>
        <translation>Come ricevute si possono allegare solo file PDF, PNG, JPEG e WebP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The quote was converted to an invoice and cannot be deleted.</source>
        <translation>Il preventivo è stato convertito in fattura e non può essere eliminato.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The customer has documents and cannot be deleted; archive it instead.</source>
        <translation>Il cliente ha dei documenti e non può essere eliminato; archivialo invece.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The expense has payments recorded and cannot be deleted.</source>
        <translation>La spesa ha pagamenti registrati e non può essere eliminata.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A draft cannot be paid; issue it first.</source>
        <translation>Una bozza non può essere pagata; emettila prima.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The quote was already converted to an invoice.</source>
        <translation>Il preventivo è già stato convertito in fattura.</translation>
    </message>
</context>
<context>
    <name>Kontor::Ui::Language</name>
    <message>
        <location filename="../../ui/translations.cpp" line="+75"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
</context>
<context>
    <name>Kontor::Ui::RecordPicker</name>
    <message>
        <location filename="../../ui/recordpicker.cpp" line="+42"/>
        <source>Show matches (Alt+Down)</source>
        <translation>Mostra i risultati (Alt+Giù)</translation>
    </message>
</context>
<context>
    <name>Kontor::Ui::Region</name>
    <message>
        <location filename="../../ui/regionchoices.cpp" line="+73"/>
        <location filename="../../ui/settingspage.cpp" line="-348"/>
        <location filename="../../ui/setupwizard.cpp" line="-99"/>
        <source>(not set)</source>
        <translation>(non impostato)</translation>
    </message>
</context>
<context>
    <name>Kontor::Ui::SettingsErrors</name>
    <message>
        <location filename="../../ui/settingserrors.cpp" line="+12"/>
        <source>This is not a valid IBAN: it starts with the two-letter country code and two check digits that must match the rest, as in IT60X0542811101000000123456.</source>
        <translation>Questo non è un IBAN valido: inizia con il codice del paese di due lettere e due cifre di controllo che devono corrispondere al resto, come in IT60X0542811101000000123456.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a valid BIC: 8 or 11 letters and digits, the first six letters, as in BCITITMM.</source>
        <translation>Questo non è un BIC valido: 8 o 11 lettere e cifre, le prime sei lettere, come in BCITITMM.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A tax rate must be between 0 % and 100 %.</source>
        <translation>Un&apos;aliquota deve essere compresa tra 0 % e 100 %.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The standard category (S) needs a rate above 0 %; use Z for zero-rated supplies.</source>
        <translation>La categoria ordinaria (S) richiede un&apos;aliquota superiore a 0 %; usa Z per le operazioni ad aliquota zero.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the standard category (S) has a rate; every other category must be 0 %.</source>
        <translation>Solo la categoria ordinaria (S) ha un&apos;aliquota; ogni altra categoria deve essere 0 %.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Categories E, AE, K, G and O need an exemption reason (a text or a VATEX code) that the invoice states, e.g. &quot;Reverse charge&quot;.</source>
        <translation>Le categorie E, AE, K, G e O richiedono un motivo di esenzione (un testo o un codice VATEX) riportato in fattura, es. «Inversione contabile».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Categories S and Z carry no exemption reason.</source>
        <translation>Le categorie S e Z non hanno un motivo di esenzione.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A prefix may contain only letters, digits and / _ . -</source>
        <translation>Un prefisso può contenere solo lettere, cifre e / _ . -</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another series already uses this prefix; numbers must stay unique.</source>
        <translation>Un&apos;altra serie usa già questo prefisso; i numeri devono restare unici.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number width must be between 1 and 12 digits.</source>
        <translation>La lunghezza del numero deve essere tra 1 e 12 cifre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The next number must be 1 or more.</source>
        <translation>Il prossimo numero deve essere 1 o maggiore.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file is not a Kontor ledger.</source>
        <translation>Questo file non è un registro Kontor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This ledger was written by a newer version of Kontor. Update Kontor to open it; this version leaves it untouched.</source>
        <translation>Questo registro è stato scritto da una versione più recente di Kontor. Aggiorna Kontor per aprirlo; questa versione non lo modifica.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A file with this name exists already; choose another name.</source>
        <translation>Esiste già un file con questo nome; scegli un altro nome.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file does not exist (any more).</source>
        <translation>Il file non esiste (più).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This ledger has no company profile yet.</source>
        <translation>Questo registro non ha ancora un profilo aziendale.</translation>
    </message>
</context>
<context>
    <name>Kontor::Ui::SyncTexts</name>
    <message>
        <location filename="../../ui/synctexts.cpp" line="+35"/>
        <location line="+108"/>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Product</source>
        <translation>Prodotto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expense</source>
        <translation>Spesa</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invoice</source>
        <translation>Fattura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote</source>
        <translation>Preventivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Credit note</source>
        <translation>Nota di credito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payment</source>
        <translation>Pagamento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receipt</source>
        <translation>Ricevuta</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+84"/>
        <source>Tax rate</source>
        <translation>Aliquota IVA</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Number series</source>
        <translation>Serie di numerazione</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company profile</source>
        <translation>Profilo aziendale</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draft</source>
        <translation>Bozza</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Draft for %1</source>
        <translation>Bozza per %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT ID</source>
        <translation>Partita IVA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tax code</source>
        <translation>Codice fiscale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Indirizzo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billing address</source>
        <translation>Indirizzo di fatturazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipping address</source>
        <translation>Indirizzo di spedizione</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Payment terms</source>
        <translation>Termini di pagamento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived</source>
        <translation>Archiviato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Descrizione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit</source>
        <translation>Unità</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>Prezzo unitario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supplier</source>
        <translation>Fornitore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier&apos;s VAT ID</source>
        <translation>Partita IVA del fornitore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net</source>
        <translation>Imponibile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VAT</source>
        <translation>IVA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>Totale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issue date</source>
        <translation>Data di emissione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due date</source>
        <translation>Scadenza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines</source>
        <translation>Righe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Riferimento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer reference</source>
        <translation>Riferimento del cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Aliquota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exemption reason</source>
        <translation>Motivo di esenzione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exemption reason code</source>
        <translation>Codice del motivo di esenzione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prefix</source>
        <translation>Prefisso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digits</source>
        <translation>Cifre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bank</source>
        <translation>Banca</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+18"/>
        <location line="+23"/>
        <source>(empty)</source>
        <translation>(vuoto)</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(company default)</source>
        <translation>(predefinito dell’azienda)</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n giorno</numerusform>
            <numerusform>%n giorni</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An image</source>
        <translation>Un’immagine</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n riga</numerusform>
            <numerusform>%n righe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementi</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>created</source>
        <translation>creato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changed</source>
        <translation>modificato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>issued</source>
        <translation>emesso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleted</source>
        <translation>eliminato</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open</source>
        <translation>Aperta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept as a new draft</source>
        <translation>Conservata come nuova bozza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dismissed</source>
        <translation>Ignorata</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The sync server cannot be reached; your changes are kept and sent when it answers again. (%1)</source>
        <translation>Il server di sincronizzazione non è raggiungibile; le tue modifiche sono conservate e saranno inviate quando risponderà di nuovo. (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sync server is unavailable at the moment; Kontor tries again later.</source>
        <translation>Il server di sincronizzazione al momento non è disponibile; Kontor riproverà più tardi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sync server no longer accepts this computer&apos;s sign-in; sign in again in Settings &gt; Sync account.</source>
        <translation>Il server di sincronizzazione non accetta più l’accesso di questo computer; accedi di nuovo in Impostazioni &gt; Account di sincronizzazione.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This ledger is not signed in to a sync server.</source>
        <translation>Questo registro non è collegato a un server di sincronizzazione.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sync server is set.</source>
        <translation>Non è impostato alcun server di sincronizzazione.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many attempts; wait a minute and try again.</source>
        <translation>Troppi tentativi; attendi un minuto e riprova.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already an account with this e-mail address; sign in instead.</source>
        <translation>Esiste già un account con questo indirizzo e-mail; accedi invece di crearne uno.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A value is required.</source>
        <translation>Serve un valore.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is too short: at least %1 characters are needed.</source>
        <translation>È troppo corto: servono almeno %1 caratteri.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is too short.</source>
        <translation>È troppo corto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sync server speaks another version of the sync protocol; update Kontor.</source>
        <translation>Il server di sincronizzazione usa un’altra versione del protocollo; aggiorna Kontor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sign-in cannot be stored on this computer: %1</source>
        <translation>L’accesso non può essere salvato su questo computer: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An issued document cannot be changed; correct it with a credit note.</source>
        <translation>Un documento emesso non può essere modificato; correggilo con una nota di credito.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payments and receipts cannot be changed once recorded.</source>
        <translation>Pagamenti e ricevute non possono essere modificati dopo la registrazione.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number series is held by another device.</source>
        <translation>La serie di numerazione è assegnata a un altro dispositivo.</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <location filename="../../ui/translations.cpp" line="-15"/>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without Saving</source>
        <translation>Chiudi senza salvare</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-23"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>Salva tutto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Apri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Sì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>Sì a &amp;tutto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>N&amp;o a tutto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Interrompi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Riprova</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Ignora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Chiudi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Non salvare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Aiuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Applica</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Reimposta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Ripristina predefiniti</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <location line="+8"/>
        <source>Scroll Left</source>
        <translation>Scorri a sinistra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scroll Right</source>
        <translation>Scorri a destra</translation>
    </message>
</context>
</TS>
