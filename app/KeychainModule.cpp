// tablewright-keychain.so: the system keychain for the command line (see
// ModuleLoader.h). The store is deleted by the binary through its virtual
// destructor, which lives here with the rest of the class.
#include "config/KeychainSecretStore.h"

extern "C" __attribute__((visibility("default"))) tw::config::SecretStore *tablewright_keychain_store()
{
    return new tw::config::KeychainSecretStore;
}
