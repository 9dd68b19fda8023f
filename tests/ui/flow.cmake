# The desktop end to end: one flow through the main window, from a new customer to the
# dashboard, over a real temporary ledger.
kontor_add_test(NAME tst_desktopflow SOURCES tst_desktopflow.cpp LIBS Kontor::Ui LABELS gui e2e)
