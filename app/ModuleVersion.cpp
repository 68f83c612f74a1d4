// Linked into every module: the binary refuses a module whose version is not
// its own (a leftover from another build or package), instead of running it
// or handing it objects whose layout may have changed.
extern "C" __attribute__((visibility("default"))) const char *tablewright_module_version()
{
    return TW_VERSION;
}
