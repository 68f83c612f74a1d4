#include "OidcProvider.h"

#include "TestEnv.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

namespace tw::test {

namespace {

QString providerDir()
{
    return QDir(sourceDir()).absoluteFilePath(QStringLiteral("tools/oidc-provider"));
}

QString nodeBinary()
{
    return QStandardPaths::findExecutable(QStringLiteral("node"));
}

constexpr int kStartTimeoutMs = 20000;

} // namespace

OidcProvider::OidcProvider(QString audience) : m_audience(std::move(audience)) {}

OidcProvider::~OidcProvider()
{
    stop();
}

bool OidcProvider::available()
{
    return !nodeBinary().isEmpty()
        && QFileInfo::exists(providerDir() + QStringLiteral("/server.mjs"))
        && QFileInfo::exists(providerDir() + QStringLiteral("/node_modules/oidc-provider/package.json"));
}

bool OidcProvider::start(const QJsonArray &privateKeys, const QList<OidcClient> &clients, int port)
{
    stop();
    m_keys = privateKeys;
    m_clients = clients;
    m_port = port;
    m_requests.clear();
    return launch();
}

bool OidcProvider::restart(const QJsonArray &privateKeys)
{
    const int port = m_port;
    stop();
    m_keys = privateKeys;
    m_port = port;
    return launch();
}

bool OidcProvider::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

void OidcProvider::stop()
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
    readLog();
    m_process.reset();
}

bool OidcProvider::launch()
{
    m_lastError.clear();
    if (!available()) {
        m_lastError = QStringLiteral("node or tools/oidc-provider/node_modules missing (run tools/install-deps.sh)");
        return false;
    }
    if (!m_dir.isValid()) {
        m_lastError = QStringLiteral("no temporary directory for the provider's config");
        return false;
    }

    QJsonArray clients;
    for (const OidcClient &client : std::as_const(m_clients)) {
        clients.append(QJsonObject{
            {QStringLiteral("client_id"), client.clientId},
            {QStringLiteral("client_secret"), client.secret},
            {QStringLiteral("roles"), QJsonArray::fromStringList(client.roles)},
            {QStringLiteral("rolesClaim"), client.rolesClaim},
        });
    }
    QJsonObject config{
        {QStringLiteral("port"), m_port},
        {QStringLiteral("audience"), m_audience},
        {QStringLiteral("accessTokenTtl"), m_ttl},
        {QStringLiteral("clients"), clients},
    };
    if (!m_keys.isEmpty())
        config.insert(QStringLiteral("keys"), QJsonObject{{QStringLiteral("keys"), m_keys}});
    if (m_jwksMaxAge >= 0)
        config.insert(QStringLiteral("jwksMaxAge"), m_jwksMaxAge);

    // Holds private keys and client secrets: the temporary directory is 0700.
    const QString configPath = m_dir.filePath(QStringLiteral("provider.json"));
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(QJsonDocument(config).toJson(QJsonDocument::Compact)) < 0) {
        m_lastError = QStringLiteral("cannot write %1").arg(configPath);
        return false;
    }
    file.close();

    m_process = std::make_unique<QProcess>();
    m_process->setWorkingDirectory(providerDir());
    m_process->setProgram(nodeBinary());
    m_process->setArguments({providerDir() + QStringLiteral("/server.mjs"), QStringLiteral("--config"), configPath});
    m_process->start();
    if (!m_process->waitForStarted(kStartTimeoutMs)) {
        m_lastError = QStringLiteral("node did not start: %1").arg(m_process->errorString());
        m_process.reset();
        return false;
    }

    const QDeadlineTimer deadline(kStartTimeoutMs);
    m_pending.clear();
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine() || m_process->waitForReadyRead(int(deadline.remainingTime()))) {
            while (m_process->canReadLine()) {
                const QByteArray line = m_process->readLine().trimmed();
                if (line.startsWith("listening ")) {
                    m_issuer = QString::fromUtf8(line.mid(10));
                    m_port = QUrl(m_issuer).port();
                    return true;
                }
            }
            continue;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
    }
    m_lastError = QStringLiteral("provider did not listen: ")
        + QString::fromUtf8(m_process->readAllStandardError()).trimmed();
    stop();
    return false;
}

void OidcProvider::readLog()
{
    if (!m_process)
        return;
    m_pending += m_process->readAllStandardOutput();
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QByteArray line = m_pending.left(end).trimmed();
        m_pending.remove(0, end + 1);
        if (line.startsWith("request "))
            m_requests.append(QString::fromUtf8(line.mid(8)));
    }
}

int OidcProvider::requestCount(const QString &path)
{
    // The provider logs a request when its answer is sent: a moment for the
    // line to arrive after the client got the answer.
    if (m_process)
        while (m_process->waitForReadyRead(100))
            readLog();
    readLog();
    int count = 0;
    for (const QString &request : std::as_const(m_requests))
        if (request.section(QLatin1Char(' '), 1, 1) == path)
            ++count;
    return count;
}

QByteArray OidcProvider::fetchToken(const QString &clientId, const QString &secret)
{
    m_lastError.clear();
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_issuer + QStringLiteral("/token")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
    // RFC 6749 §2.3.1: id and secret are form-encoded before Basic.
    const QByteArray credentials = QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(secret);
    request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    request.setTransferTimeout(10000);
    const QByteArray form = "grant_type=client_credentials&resource=" + QUrl::toPercentEncoding(m_audience);

    QNetworkReply *reply = network.post(request, form);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const QByteArray body = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString transportError = status == 0 ? reply->errorString() : QString();
    reply->deleteLater();

    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (status != 200 || !answer.value(QStringLiteral("access_token")).isString()) {
        m_lastError = QStringLiteral("token endpoint: HTTP %1 %2 %3")
                          .arg(status)
                          .arg(answer.value(QStringLiteral("error")).toString(),
                               transportError);
        return {};
    }
    return answer.value(QStringLiteral("access_token")).toString().toLatin1();
}

qint64 OidcProvider::pid() const
{
    return running() ? m_process->processId() : 0;
}

} // namespace tw::test
