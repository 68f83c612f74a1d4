// The GUI's API panel: its models alone (effective policy, bounded request
// log, counts by status), then the panel over a real ApiServer on loopback.
#include "MainWindow.h"
#include "TestEnv.h"
#include "Workbench.h"
#include "api/ApiPanel.h"
#include "api/PolicyMatrixModel.h"
#include "api/RequestLogModel.h"
#include "api/StatusCounts.h"
#include "db/ConnectionRegistry.h"
#include "http/ApiServer.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tw;
using namespace tw::ui;

namespace {

config::ConnectionProfile connection(const QString &name, bool readonly)
{
    config::ConnectionProfile profile;
    profile.name = name;
    profile.driver = config::Driver::Sqlite;
    profile.database = QStringLiteral("/nonexistent/%1.sqlite").arg(name);
    profile.readonly = readonly;
    return profile;
}

config::PolicyRule rule(const QString &role, const QStringList &allow, const QStringList &connections)
{
    config::PolicyRule r;
    r.role = role;
    r.allow = allow;
    r.connections = connections;
    return r;
}

// Row text of the matrix: "role|connection|read|write|delete|migrate|admin".
QStringList matrixRows(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells << model.index(row, column).data().toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

http::RequestLogEntry entry(int n, int status = 200)
{
    http::RequestLogEntry e;
    e.time = QDateTime::currentDateTimeUtc();
    e.requestId = QStringLiteral("r%1").arg(n);
    e.method = QStringLiteral("GET");
    e.path = QStringLiteral("/api/v1/health");
    e.route = e.path;
    e.status = status;
    e.durationMs = 1.25;
    return e;
}

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("no child named %s", name);
    return found;
}

} // namespace

class TestApiPanel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    config::AppConfig serverConfig() const
    {
        config::AppConfig config;
        config.api.listenAddress = QStringLiteral("127.0.0.1");
        config.api.port = 0;
        config.api.auditLog = m_dir.filePath(QStringLiteral("audit.jsonl"));
        config.api.shutdownGraceSeconds = 2;
        config.api.policy = {rule(QStringLiteral("reader"), {QStringLiteral("database:read")}, {QStringLiteral("*")})};
        return config;
    }

private slots:
    void policyMatrixShowsEachRoleOnEachConnection()
    {
        config::AppConfig config;
        config.connections = {connection(QStringLiteral("main"), false), connection(QStringLiteral("archive"), true)};
        config.api.policy = {
            rule(QStringLiteral("reader"), {QStringLiteral("database:read")}, {QStringLiteral("*")}),
            rule(QStringLiteral("editor"), {QStringLiteral("database:read"), QStringLiteral("database:write"),
                                            QStringLiteral("database:delete")},
                 {QStringLiteral("*")}),
            // A second rule for a role already named adds to it, not a row.
            rule(QStringLiteral("reader"), {QStringLiteral("database:migrate")}, {QStringLiteral("main")}),
            rule(QStringLiteral("dba"), {QStringLiteral("database:admin")}, {QStringLiteral("arch*")}),
        };
        PolicyMatrixModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfig(config);
        const QString ro = QStringLiteral("readonly");
        const QString yes = QStringLiteral("✓");
        const QStringList expected{
            QStringList{QStringLiteral("reader"), QStringLiteral("main"), yes, {}, {}, yes, {}}.join(u'|'),
            QStringList{QStringLiteral("reader"), QStringLiteral("archive (readonly)"), yes, {}, {}, {}, {}}.join(u'|'),
            QStringList{QStringLiteral("editor"), QStringLiteral("main"), yes, yes, yes, {}, {}}.join(u'|'),
            QStringList{QStringLiteral("editor"), QStringLiteral("archive (readonly)"), yes, ro, ro, {}, {}}.join(u'|'),
            QStringList{QStringLiteral("dba"), QStringLiteral("main"), {}, {}, {}, {}, {}}.join(u'|'),
            QStringList{QStringLiteral("dba"), QStringLiteral("archive (readonly)"), yes, ro, ro, ro, yes}.join(u'|'),
        };
        QCOMPARE(matrixRows(model), expected);
        QCOMPARE(model.headerData(PolicyMatrixModel::Migrate, Qt::Horizontal).toString(), QStringLiteral("migrate"));
        QVERIFY(model.index(3, PolicyMatrixModel::Write).data(Qt::ToolTipRole).toString().contains(ro));
    }

    void policyMatrixIsEmptyWithoutRules()
    {
        config::AppConfig config;
        config.connections = {connection(QStringLiteral("main"), false)};
        PolicyMatrixModel model;
        model.setConfig(config);
        QCOMPARE(model.rowCount(), 0);
    }

    void requestLogKeepsTheLastThousandNewestFirst()
    {
        RequestLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int n = 0; n < 1005; ++n)
            model.append(entry(n));
        QCOMPARE(model.rowCount(), RequestLogModel::kCapacity);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.index(0, RequestLogModel::RequestId).data().toString(), QStringLiteral("r1004"));
        QCOMPARE(model.index(999, RequestLogModel::RequestId).data().toString(), QStringLiteral("r5"));
        QCOMPARE(model.index(0, RequestLogModel::Status).data().toInt(), 200);
        QCOMPARE(model.index(0, RequestLogModel::Path).data().toString(), QStringLiteral("/api/v1/health"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void statusCountsGroupByClass()
    {
        StatusCounts counts;
        for (const int status : {200, 201, 204, 304, 401, 403, 404, 429, 503, 500, 0})
            counts.add(status);
        QCOMPARE(counts.count(2), 3u);
        QCOMPARE(counts.count(3), 1u);
        QCOMPARE(counts.count(4), 4u);
        QCOMPARE(counts.count(5), 2u);
        QCOMPARE(counts.count(6), 0u);
        QCOMPARE(counts.total(), 11u);
        counts.reset();
        QCOMPARE(counts.total(), 0u);
        QCOMPARE(counts.count(2), 0u);
    }

    void listenFieldIsPrefilledFromConfig()
    {
        db::ConnectionRegistry registry;
        config::AppConfig config = serverConfig();
        config.api.listenAddress = QStringLiteral("::1");
        config.api.port = 8443;
        ApiPanel panel(&registry, config);
        QCOMPARE(child<QLineEdit>(&panel, "listenAddress")->text(), QStringLiteral("[::1]:8443"));
        QVERIFY(child<QLabel>(&panel, "tlsWarning")->isHidden());
    }

    void withoutAnIssuerTheAuthStateSaysSo()
    {
        db::ConnectionRegistry registry;
        ApiPanel panel(&registry, serverConfig());
        QVERIFY2(child<QLabel>(&panel, "authState")->text().contains(QStringLiteral("No OIDC issuer")),
                 qPrintable(child<QLabel>(&panel, "authState")->text()));
    }

    void aNonLoopbackAddressWithoutTlsWarns()
    {
        db::ConnectionRegistry registry;
        ApiPanel panel(&registry, serverConfig());
        auto *listen = child<QLineEdit>(&panel, "listenAddress");
        listen->clear();
        QTest::keyClicks(listen, QStringLiteral("0.0.0.0:0"));
        QVERIFY(!child<QLabel>(&panel, "tlsWarning")->isHidden());
        QVERIFY(child<QLabel>(&panel, "tlsWarning")->text().contains(QStringLiteral("TLS")));
        listen->clear();
        QTest::keyClicks(listen, QStringLiteral("127.0.0.1:0"));
        QVERIFY(child<QLabel>(&panel, "tlsWarning")->isHidden());
    }

    void badListenTextShowsAnErrorAndStartsNothing()
    {
        db::ConnectionRegistry registry;
        ApiPanel panel(&registry, serverConfig());
        panel.show();
        auto *listen = child<QLineEdit>(&panel, "listenAddress");
        listen->setText(QStringLiteral("localhost:80800"));
        QTest::mouseClick(child<QPushButton>(&panel, "startStop"), Qt::LeftButton);
        QCOMPARE(panel.state(), ApiPanel::State::Stopped);
        QVERIFY(!panel.server() || !panel.server()->isListening());
        auto *error = child<QLabel>(&panel, "listenError");
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("address")), qPrintable(error->text()));
        QVERIFY(child<QLineEdit>(&panel, "baseUrl")->text().isEmpty());

        listen->setText(QStringLiteral("127.0.0.1:70000"));
        QTest::mouseClick(child<QPushButton>(&panel, "startStop"), Qt::LeftButton);
        QVERIFY2(error->text().contains(QStringLiteral("port")), qPrintable(error->text()));
        QCOMPARE(panel.state(), ApiPanel::State::Stopped);
    }

    void startServesHealthLogsItAndStopReturnsToStopped()
    {
        db::ConnectionRegistry registry;
        ApiPanel panel(&registry, serverConfig());
        panel.show();
        child<QLineEdit>(&panel, "listenAddress")->setText(QStringLiteral("127.0.0.1:0"));
        auto *button = child<QPushButton>(&panel, "startStop");
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY2(panel.state() == ApiPanel::State::Running,
                 qPrintable(child<QLabel>(&panel, "listenError")->text()));
        QVERIFY(panel.server()->isListening());
        QVERIFY(!child<QLineEdit>(&panel, "listenAddress")->isEnabled());

        const QUrl base(child<QLineEdit>(&panel, "baseUrl")->text());
        QCOMPARE(base.scheme(), QStringLiteral("http"));
        QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));
        QVERIFY2(base.port() > 0, qPrintable(base.toString()));
        QCOMPARE(base, panel.server()->baseUrl());

        QTest::mouseClick(child<QPushButton>(&panel, "copyBaseUrl"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), base.toString());

        QNetworkAccessManager network;
        QUrl health = base;
        health.setPath(QStringLiteral("/api/v1/health"));
        health.setQuery(QStringLiteral("secret=hidden"));
        QNetworkReply *reply = network.get(QNetworkRequest(health));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        QTRY_COMPARE(panel.requestLog()->rowCount(), 1);
        const QAbstractItemModel &log = *panel.requestLog();
        QCOMPARE(log.index(0, RequestLogModel::Method).data().toString(), QStringLiteral("GET"));
        QCOMPARE(log.index(0, RequestLogModel::Path).data().toString(), QStringLiteral("/api/v1/health"));
        QCOMPARE(log.index(0, RequestLogModel::Status).data().toInt(), 200);
        QVERIFY(!log.index(0, RequestLogModel::RequestId).data().toString().isEmpty());
        for (int column = 0; column < log.columnCount(); ++column)
            QVERIFY(!log.index(0, column).data().toString().contains(QStringLiteral("secret")));
        QCOMPARE(panel.counts().count(2), 1u);
        QCOMPARE(panel.counts().total(), 1u);
        QVERIFY2(child<QLabel>(&panel, "statusCounts")->text().contains(QStringLiteral("2xx: 1")),
                 qPrintable(child<QLabel>(&panel, "statusCounts")->text()));
        QVERIFY(child<QLabel>(&panel, "authState")->text().contains(QStringLiteral("No OIDC issuer")));

        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(panel.state() == ApiPanel::State::Stopping || panel.state() == ApiPanel::State::Stopped);
        QTRY_VERIFY_WITH_TIMEOUT(panel.state() == ApiPanel::State::Stopped, 5000);
        QVERIFY(!panel.server()->isListening());
        QVERIFY(child<QLineEdit>(&panel, "baseUrl")->text().isEmpty());
        QVERIFY(child<QLineEdit>(&panel, "listenAddress")->isEnabled());
        QCOMPARE(button->text().remove(u'&'), QStringLiteral("Start"));

        // Nothing listens on that port any more.
        QNetworkReply *late = network.get(QNetworkRequest(health));
        QTRY_VERIFY_WITH_TIMEOUT(late->isFinished(), 10000);
        QCOMPARE(late->error(), QNetworkReply::ConnectionRefusedError);
        late->deleteLater();
    }

    void stopAndWaitStopsAListeningServer()
    {
        db::ConnectionRegistry registry;
        ApiPanel panel(&registry, serverConfig());
        child<QLineEdit>(&panel, "listenAddress")->setText(QStringLiteral("127.0.0.1:0"));
        QVERIFY(panel.start());
        panel.stopAndWait(2000);
        QCOMPARE(panel.state(), ApiPanel::State::Stopped);
        QVERIFY(!panel.server()->isListening());
    }

    void anIssuerThatIsDownIsReportedWithItsReason()
    {
        db::ConnectionRegistry registry;
        config::AppConfig config = serverConfig();
        config.api.oidc.issuer = QStringLiteral("http://127.0.0.1:%1/realms/test").arg(test::closedPort());
        config.api.oidc.audience = QStringLiteral("tablewright");
        ApiPanel panel(&registry, config);
        auto *auth = child<QLabel>(&panel, "authState");
        QVERIFY2(auth->text().contains(QStringLiteral("when the server starts")), qPrintable(auth->text()));
        child<QLineEdit>(&panel, "listenAddress")->setText(QStringLiteral("127.0.0.1:0"));
        QVERIFY(panel.start());
        QTRY_VERIFY2_WITH_TIMEOUT(auth->text().startsWith(QStringLiteral("Keys not loaded")), qPrintable(auth->text()), 10000);
        QVERIFY(auth->text().contains(config.api.oidc.issuer));
        panel.stopAndWait(2000);
    }

    void theMainWindowOffersThePageInTheViewMenu()
    {
        db::ConnectionRegistry registry;
        ui::MainWindow window(serverConfig(), &registry);
        QAction *open = nullptr;
        for (QAction *action : window.workbench()->menu(ui::MenuGroup::View)->actions()) {
            if (action->text().remove(u'&') == QStringLiteral("API Server"))
                open = action;
        }
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_3));
        open->trigger();
        QCOMPARE(window.workbench()->currentPage(), ui::PageId::Api);
        auto *panel = qobject_cast<ApiPanel *>(window.workbench()->page(ui::PageId::Api));
        QVERIFY(panel);

        // Closing the window stops a listening server.
        window.show();
        child<QLineEdit>(panel, "listenAddress")->setText(QStringLiteral("127.0.0.1:0"));
        QVERIFY(panel->start());
        QVERIFY(panel->server()->isListening());
        QVERIFY(window.close());
        QCOMPARE(panel->state(), ApiPanel::State::Stopped);
        QVERIFY(!panel->server()->isListening());
    }
};

QTEST_MAIN(TestApiPanel)
#include "tst_api_panel.moc"
