#pragma once

#include <QTextStream>

namespace tw::app {

// stdout and stderr of the headless commands, UTF-8.
QTextStream &out();
QTextStream &err();

} // namespace tw::app
