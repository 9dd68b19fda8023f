# The Italian translation: kontor_it.ts is complete, and with it installed the main window, the
# editors, the settings, the first-run setup and the sync windows show no English text. The test reads the .ts
# files from the source tree.
kontor_add_test(NAME tst_translations
    SOURCES tst_translations.cpp editortestsupport.h shelltestsupport.h fakesynctransport.h
    LIBS Kontor::Ui LABELS gui)
target_compile_definitions(tst_translations PRIVATE KONTOR_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
