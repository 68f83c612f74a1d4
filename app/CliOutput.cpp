#include "CliOutput.h"

#include <cstdio>
#include <cerrno>
#include <cstdlib>
#include <cstring>

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
    // Output that did not reach its file (a full disk, a closed pipe) is a
    // failure, never a silent success.
    if (out().status() != QTextStream::Ok || std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::fprintf(stderr, "tablewright: could not write the output: %s\n", std::strerror(errno));
        if (code == 0 || code == 3) // 3: status's "pending", a result that was not delivered
            code = 1;
    }
    std::fflush(nullptr);
    std::_Exit(code);
}

} // namespace tw::app
