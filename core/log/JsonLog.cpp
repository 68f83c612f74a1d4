#include "JsonLog.h"

#include "Redactor.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>

#include <cstdio>
#include <memory>

#ifdef Q_OS_LINUX
#include <unistd.h>
#else
#include <QThread>
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
    // The kernel id, as shown by top -H and in core dumps.
    return qint64(::gettid());
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
};

HandlerState &state()
{
    // Leaked on purpose: messages may still arrive during static destruction.
    static auto *s = new HandlerState;
    return *s;
}

// A write to the sink may itself log (e.g. "QIODevice::write: device not
// open"); such a nested message goes straight to stderr instead of deadlocking.
thread_local bool t_inHandler = false;

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
        if (s.sink) {
            s.sink->write(line);
            if (auto *file = qobject_cast<QFileDevice *>(s.sink))
                file->flush();
        }
        if (s.alsoStderr || !s.sink) {
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            std::fflush(stderr);
        }
    }
    t_inHandler = false;
}

void installLocked(HandlerState &s, QIODevice *sink, std::unique_ptr<QFile> owned, bool alsoStderr)
{
    s.sink = sink;
    s.ownedFile = std::move(owned);
    s.alsoStderr = alsoStderr;
    if (!s.installed) {
        s.previous = qInstallMessageHandler(writeLine);
        s.installed = true;
    }
}

} // namespace

QByteArray formatLogRecord(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QJsonObject record{
        {QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("level"), levelName(type)},
        {QStringLiteral("category"),
         context.category ? QString::fromUtf8(context.category) : QStringLiteral("default")},
        {QStringLiteral("msg"), redact(message)},
        {QStringLiteral("thread"), threadId()},
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

} // namespace tw::log
