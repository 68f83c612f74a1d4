#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

class QIODevice;
class QMessageLogContext;

namespace tw::log {

// One log record as a JSON object on one line (with the trailing '\n'):
//   {"ts":"2024-05-01T12:00:00.123Z","level":"info","category":"tablewright.config",
//    "msg":"<redacted>","file":"...","line":12,"function":"...","thread":12345}
// level: debug|info|warning|critical|fatal. file/line/function only when the
// context has them (release builds leave them out). thread: the OS thread id.
QByteArray formatLogRecord(QtMsgType type, const QMessageLogContext &context, const QString &message);

// Installs a qInstallMessageHandler() that writes formatLogRecord() lines to
// `sink` (opened for writing, owned by the caller, alive until uninstall),
// flushing each line; with alsoStderr the same line also goes to stderr.
// Thread-safe. Installing again replaces the sink and keeps the handler that
// was there before the first install for uninstallJsonLogHandler().
void installJsonLogHandler(QIODevice *sink, bool alsoStderr = false);
// Same, appending to a file it opens (and owns). False when it cannot be opened;
// *errorOut then says why and nothing is installed.
bool installJsonLogHandler(const QString &filePath, bool alsoStderr = false, QString *errorOut = nullptr);
// Restores the previous message handler; closes a file opened by the above.
void uninstallJsonLogHandler();
bool isJsonLogHandlerInstalled();

} // namespace tw::log
