# The shell of the desktop: the main window, the first-run setup, the settings and the program's
# owner of the open ledger, each over real temporary ledgers and settings kept in a temporary
# folder.
kontor_add_test(NAME tst_mainwindow SOURCES tst_mainwindow.cpp shelltestsupport.h
    LIBS Kontor::Ui LABELS gui)
kontor_add_test(NAME tst_setupwizard SOURCES tst_setupwizard.cpp shelltestsupport.h
    LIBS Kontor::Ui LABELS gui)
kontor_add_test(NAME tst_settings SOURCES tst_settings.cpp shelltestsupport.h
    LIBS Kontor::Ui LABELS gui)
kontor_add_test(NAME tst_appcontroller SOURCES tst_appcontroller.cpp shelltestsupport.h
    LIBS Kontor::Desktop Kontor::Ui Qt6::Sql LABELS gui)
