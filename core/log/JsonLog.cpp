#include "JsonLog.h"

#include "Redactor.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <utility>
#include <limits>
#include <memory>
#include <optional>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace tw::log {

namespace {

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("unknown");
}

qint64 threadId()
{
#ifdef Q_OS_LINUX
    // The kernel id, as shown by top -H and in core dumps (asked once per thread: it is a system call).
    static thread_local const qint64 id = qint64(::gettid());
    return id;
#else
    return qint64(reinterpret_cast<quintptr>(QThread::currentThreadId()));
#endif
}

struct HandlerState
{
    QMutex mutex;
    QIODevice *sink = nullptr;
    std::unique_ptr<QFile> ownedFile;
    bool alsoStderr = false;
    bool installed = false;
    QtMessageHandler previous = nullptr;
    // Buffered mode (setJsonLogBuffering): lines not written yet, and the
    // timer that writes them (lives in the thread that enabled buffering).
    QByteArray pending;
    int flushIntervalMs = 0;
    QTimer *flushTimer = nullptr;
    bool flushScheduled = false;
    bool atExitRegistered = false;
};

// More than this waiting is written at once, timer or not.
constexpr qsizetype kMaxPending = 32 * 1024;

HandlerState &state()
{
    // Leaked on purpose: messages may still arrive during static destruction.
    static auto *s = new HandlerState;
    return *s;
}

// A write to the sink may itself log (e.g. "QIODevice::write: device not
// open"); such a nested message goes straight to stderr instead of deadlocking.
thread_local bool t_inHandler = false;

// Writes what waits to the sink (and stderr); the caller holds s.mutex.
void writePendingLocked(HandlerState &s)
{
    s.flushScheduled = false;
    if (s.pending.isEmpty())
        return;
    const QByteArray lines = std::exchange(s.pending, QByteArray());
    if (s.sink) {
        s.sink->write(lines);
        if (auto *file = qobject_cast<QFileDevice *>(s.sink))
            file->flush();
    }
    if (s.alsoStderr || !s.sink) {
        std::fwrite(lines.constData(), 1, size_t(lines.size()), stderr);
        std::fflush(stderr);
    }
}

// Arms the flush timer once per batch; the caller holds s.mutex.
void scheduleFlushLocked(HandlerState &s)
{
    if (s.flushScheduled || !s.flushTimer)
        return;
    s.flushScheduled = true;
    QTimer *timer = s.flushTimer;
    if (QThread::currentThread() == timer->thread())
        timer->start();
    else
        QMetaObject::invokeMethod(timer, [timer] { timer->start(); }, Qt::QueuedConnection);
}

void writeLine(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (t_inHandler) {
        std::fputs(qPrintable(message + QLatin1Char('\n')), stderr);
        return;
    }
    t_inHandler = true;
    const QByteArray line = formatLogRecord(type, context, message);
    {
        HandlerState &s = state();
        QMutexLocker lock(&s.mutex);
        s.pending += line;
        const bool mayWait = s.flushIntervalMs > 0 && (type == QtInfoMsg || type == QtDebugMsg);
        if (mayWait && s.pending.size() < kMaxPending)
            scheduleFlushLocked(s);
        else
            writePendingLocked(s);
    }
    t_inHandler = false;
}

void installLocked(HandlerState &s, QIODevice *sink, std::unique_ptr<QFile> owned, bool alsoStderr)
{
    writePendingLocked(s); // lines meant for the old sink
    s.sink = sink;
    s.ownedFile = std::move(owned);
    s.alsoStderr = alsoStderr;
    if (!s.installed) {
        s.previous = qInstallMessageHandler(writeLine);
        s.installed = true;
    }
}

} // namespace

namespace {

// Text that goes into a JSON string unchanged: printable ASCII other than
// '"' and '\\'. Anything else (escapes, UTF-8) is left to QJsonDocument.
bool isPlainJsonText(QByteArrayView text)
{
    for (const char c : text) {
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
            return false;
    }
    return true;
}

bool isPlainJsonText(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x7f || u == u'"' || u == u'\\')
            return false;
    }
    return true;
}

// The common record (plain ASCII everywhere) written directly, byte for byte
// what QJsonDocument writes for it (keys in its sorted order): building a
// QJsonObject per line was a visible part of a busy server's CPU.
std::optional<QByteArray> plainRecord(const QByteArray &ts, QByteArrayView level, const QMessageLogContext &context,
                                      const QString &msg, qint64 thread)
{
    const QByteArrayView category = context.category ? QByteArrayView(context.category) : QByteArrayView("default");
    const QByteArrayView file = context.file ? QByteArrayView(context.file) : QByteArrayView();
    const QByteArrayView function = context.function ? QByteArrayView(context.function) : QByteArrayView();
    if (!isPlainJsonText(category) || !isPlainJsonText(file) || !isPlainJsonText(function) || !isPlainJsonText(msg))
        return std::nullopt;
    QByteArray line;
    line.reserve(96 + msg.size() + file.size() + function.size());
    line.append("{\"category\":\"").append(category).append('"');
    if (context.file)
        line.append(",\"file\":\"").append(file).append('"');
    if (context.function)
        line.append(",\"function\":\"").append(function).append('"');
    line.append(",\"level\":\"").append(level).append('"');
    if (context.line > 0)
        line.append(",\"line\":").append(QByteArray::number(context.line));
    line.append(",\"msg\":\"").append(msg.toLatin1()).append('"');
    line.append(",\"thread\":").append(QByteArray::number(thread));
    line.append(",\"ts\":\"").append(ts).append("\"}\n");
    return line;
}

// Now as QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) writes
// it ("2024-05-01T12:00:00.123Z"); the part up to the seconds is formatted
// once per second and thread.
QString isoTimestampUtc()
{
    struct Cache
    {
        qint64 second = std::numeric_limits<qint64>::min();
        QString prefix;           // "2024-05-01T12:00:00"
    };
    static thread_local Cache cache;
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    const qint64 second = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    if (second != cache.second) {
        const QString whole = QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(Qt::ISODate);
        if (whole.size() != 20 || !whole.endsWith(QLatin1Char('Z'))) // years beyond 9999, before 0
            return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
        cache.second = second;
        cache.prefix = whole.left(19);
    }
    const int milli = int(ms - second * 1000);
    QString ts = cache.prefix;
    ts.reserve(24);
    ts.append(QLatin1Char('.'))
        .append(QLatin1Char(char('0' + milli / 100)))
        .append(QLatin1Char(char('0' + milli / 10 % 10)))
        .append(QLatin1Char(char('0' + milli % 10)))
        .append(QLatin1Char('Z'));
    return ts;
}

} // namespace

QByteArray formatLogRecord(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString ts = isoTimestampUtc();
    const QString level = levelName(type);
    const QString msg = redact(message);
    const qint64 thread = threadId();
    if (auto plain = plainRecord(ts.toLatin1(), level.toLatin1(), context, msg, thread))
        return *std::move(plain);
    QJsonObject record{
        {QStringLiteral("ts"), ts},
        {QStringLiteral("level"), level},
        {QStringLiteral("category"),
         context.category ? QString::fromUtf8(context.category) : QStringLiteral("default")},
        {QStringLiteral("msg"), msg},
        {QStringLiteral("thread"), thread},
    };
    if (context.file)
        record.insert(QStringLiteral("file"), QString::fromUtf8(context.file));
    if (context.line > 0)
        record.insert(QStringLiteral("line"), context.line);
    if (context.function)
        record.insert(QStringLiteral("function"), QString::fromUtf8(context.function));
    QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact);
    line.append('\n');
    return line;
}

void installJsonLogHandler(QIODevice *sink, bool alsoStderr)
{
    HandlerState &s = state();
    QMutexLocker lock(&s.mutex);
    installLocked(s, sink, nullptr, alsoStderr);
}

bool installJsonLogHandler(const QString &filePath, bool alsoStderr, QString *errorOut)
{
    auto file = std::make_unique<QFile>(filePath);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        if (errorOut)
            *errorOut = file->errorString();
        return false;
    }
    HandlerState &s = state();
    QMutexLocker lock(&s.mutex);
    QIODevice *sink = file.get();
    installLocked(s, sink, std::move(file), alsoStderr);
    return true;
}

void uninstallJsonLogHandler()
{
    HandlerState &s = state();
    QMutexLocker lock(&s.mutex);
    if (!s.installed)
        return;
    writePendingLocked(s);
    qInstallMessageHandler(s.previous);
    s.previous = nullptr;
    s.installed = false;
    s.sink = nullptr;
    s.ownedFile.reset();
}

bool isJsonLogHandlerInstalled()
{
    HandlerState &s = state();
    QMutexLocker lock(&s.mutex);
    return s.installed;
}

void setJsonLogBuffering(int flushIntervalMs)
{
    HandlerState &s = state();
    QMutexLocker lock(&s.mutex);
    writePendingLocked(s);
    delete s.flushTimer; // from an earlier call, on this thread
    s.flushTimer = nullptr;
    s.flushIntervalMs = std::max(0, flushIntervalMs);
    if (s.flushIntervalMs == 0)
        return;
    s.flushTimer = new QTimer;
    s.flushTimer->setSingleShot(true);
    s.flushTimer->setInterval(s.flushIntervalMs);
    QObject::connect(s.flushTimer, &QTimer::timeout, [] { flushJsonLog(); });
    if (!s.atExitRegistered) {
        s.atExitRegistered = true;
        std::atexit([] { flushJsonLog(); });
    }
}

void flushJsonLog()
{
    HandlerState &s = state();
    QMutexLocker lock(&s.mutex);
    writePendingLocked(s);
}

} // namespace tw::log
