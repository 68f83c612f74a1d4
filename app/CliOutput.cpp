#include "CliOutput.h"

#include <cstdio>
#include <cstdlib>

namespace tw::app {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void leaveNow(int code)
{
    out().flush();
    err().flush();
    std::fflush(nullptr);
    std::_Exit(code);
}

} // namespace tw::app
