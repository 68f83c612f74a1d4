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
// Flushes what is buffered, then restores the previous message handler;
// closes a file opened by the above.
void uninstallJsonLogHandler();
bool isJsonLogHandlerInstalled();

// Buffered mode, for a process that logs a line per request (`tablewright
// serve`): a write(2) per line cost the server ~7 % of its CPU. Info and
// debug lines are then collected and written together at most
// `flushIntervalMs` later, or as soon as 32 KiB wait; a warning or worse is
// written at once, after what waits before it, so the order never changes.
// Call it on the thread whose event loop runs the flush timer (the main
// thread); 0 turns buffering off (and writes what waits). Lines still
// buffered when the process ends are written by flushJsonLog(), by
// uninstallJsonLogHandler() and at exit(); a process killed by SIGKILL or a
// crash loses at most the last interval's info lines.
void setJsonLogBuffering(int flushIntervalMs);
// Writes the buffered lines now (thread-safe; a no-op when none wait).
void flushJsonLog();

} // namespace tw::log
