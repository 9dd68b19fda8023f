# Sync in the desktop: the Sync panel (its item models, "Keep mine", "Open as new draft",
# "Dismiss", the status bar, changes from other devices reaching the views) and Settings > Sync
# account (input checks, errors at their fields, sign-in, sign-out, where the token is kept), over
# real temporary ledgers and a sync server in memory (fakesynctransport.h).
kontor_add_test(NAME tst_syncpanel
    SOURCES tst_syncpanel.cpp fakesynctransport.h editortestsupport.h shelltestsupport.h
    LIBS Kontor::Ui LABELS gui)
kontor_add_test(NAME tst_syncaccount
    SOURCES tst_syncaccount.cpp fakesynctransport.h editortestsupport.h shelltestsupport.h
    LIBS Kontor::Ui LABELS gui)
# The same against the real kontor-syncd (started on 127.0.0.1 with a free port), where the
# service is built.
if(TARGET kontor-syncd)
    kontor_add_test(NAME tst_syncdesktope2e SOURCES tst_syncdesktope2e.cpp shelltestsupport.h
        LIBS Kontor::Ui LABELS gui e2e TIMEOUT 180)
    target_compile_definitions(tst_syncdesktope2e PRIVATE
        KONTOR_SYNCD="$<TARGET_FILE:kontor-syncd>")
    add_dependencies(tst_syncdesktope2e kontor-syncd)
endif()
