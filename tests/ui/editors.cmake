# The editors: invoices, quotes and credit notes, payments, customers, products and expenses,
# the PDF preview and FieldErrors, each driven by typing and clicking over a real temporary
# ledger.
kontor_add_test(NAME tst_invoiceeditor SOURCES tst_invoiceeditor.cpp editortestsupport.h
    LIBS Kontor::Ui LABELS gui)
kontor_add_test(NAME tst_editors SOURCES tst_editors.cpp editortestsupport.h
    LIBS Kontor::Ui LABELS gui)
find_package(Qt6 6.4 QUIET COMPONENTS Pdf)
if(TARGET Qt6::Pdf)
    target_compile_definitions(tst_editors PRIVATE KONTOR_HAVE_QTPDF)
endif()
