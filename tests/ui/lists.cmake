# The lists and the dashboard: item models over paged ledger queries, the list pages and the
# dashboard's figures, each over a real temporary ledger.
kontor_add_test(NAME tst_listmodels SOURCES tst_listmodels.cpp listtestledger.h
    LIBS Kontor::Ui Qt6::Sql LABELS gui)
kontor_add_test(NAME tst_listpages SOURCES tst_listpages.cpp listtestledger.h
    LIBS Kontor::Ui Qt6::Sql LABELS gui)
kontor_add_test(NAME tst_dashboard SOURCES tst_dashboard.cpp listtestledger.h
    LIBS Kontor::Ui Qt6::Sql LABELS gui)
