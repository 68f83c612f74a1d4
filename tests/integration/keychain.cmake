tw_add_test(tst_keychain LABEL integration SOURCES tst_keychain.cpp)
