#include "ApiPanel.h"

#include "ErrorText.h"
#include "PolicyMatrixModel.h"
#include "RequestLogModel.h"
#include "async/Then.h"
#include "http/ApiServer.h"

#include <QApplication>
#include <QClipboard>
#include <QEventLoop>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace tw::ui {

namespace {

QLabel *wrappingLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ApiPanel::ApiPanel(db::ConnectionRegistry *registry, config::AppConfig config, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_config(std::move(config))
{
    setObjectName(QStringLiteral("apiPanel"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(buildLogBox());
    splitter->addWidget(buildPolicyBox());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildServerBox());
    layout->addWidget(splitter, 1);

    setState(State::Stopped);
    updateTlsWarning();
    updateAuthState();
    updateCounts();
}

ApiPanel::~ApiPanel()
{
    // The server may still report while it is torn down; this panel is
    // half gone by then.
    if (m_server)
        m_server->disconnect(this);
}

QWidget *ApiPanel::buildServerBox()
{
    auto *box = new QGroupBox(tr("Server"), this);
    auto *form = new QFormLayout(box);

    m_listen = new QLineEdit(box);
    m_listen->setObjectName(QStringLiteral("listenAddress"));
    m_listen->setPlaceholderText(QStringLiteral("127.0.0.1:8080"));
    m_listen->setText(config::ListenAddress{m_config.api.listenAddress, m_config.api.port}.toString());
    m_listen->setToolTip(tr("ADDRESS:PORT, e.g. 127.0.0.1:8080 or [::1]:8080; port 0 lets the system pick one."));
    connect(m_listen, &QLineEdit::textEdited, this, [this] {
        m_error->hide();
        updateTlsWarning();
    });
    connect(m_listen, &QLineEdit::returnPressed, this, [this] {
        if (m_state == State::Stopped)
            start();
    });
    m_startStop = new QPushButton(box);
    m_startStop->setObjectName(QStringLiteral("startStop"));
    connect(m_startStop, &QPushButton::clicked, this, [this] {
        if (m_state == State::Stopped)
            start();
        else if (m_state == State::Running)
            stop();
    });
    // Fields sized for what they hold (an address, a URL), not the window's width.
    const int fieldWidth = m_listen->fontMetrics().horizontalAdvance(QStringLiteral("https://[ffff:ffff::ffff]:65535")) + 24;
    m_listen->setMaximumWidth(fieldWidth);
    auto *listenRow = new QHBoxLayout;
    listenRow->addWidget(m_listen, 1);
    listenRow->addWidget(m_startStop);
    listenRow->addStretch(1);
    // The error sits in the field's own column: a form row of its own with
    // an empty label gets a word-wrapped label's height guessed far too tall.
    m_error = wrappingLabel(QStringLiteral("listenError"), box);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    auto *listenColumn = new QVBoxLayout;
    listenColumn->addLayout(listenRow);
    listenColumn->addWidget(m_error);
    auto *listenLabel = new QLabel(tr("&Listen on:"), box);
    listenLabel->setBuddy(m_listen);
    form->addRow(listenLabel, listenColumn);

    m_baseUrl = new QLineEdit(box);
    m_baseUrl->setObjectName(QStringLiteral("baseUrl"));
    m_baseUrl->setReadOnly(true);
    m_baseUrl->setPlaceholderText(tr("not running"));
    m_copy = new QPushButton(tr("&Copy"), box);
    m_copy->setObjectName(QStringLiteral("copyBaseUrl"));
    m_copy->setToolTip(tr("Copy the base URL to the clipboard"));
    connect(m_copy, &QPushButton::clicked, this, &ApiPanel::copyBaseUrl);
    m_baseUrl->setMaximumWidth(fieldWidth);
    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_baseUrl, 1);
    urlRow->addWidget(m_copy);
    urlRow->addStretch(1);
    m_tlsWarning = wrappingLabel(QStringLiteral("tlsWarning"), box);
    m_tlsWarning->setStyleSheet(QStringLiteral("color: #b26a00;"));
    auto *urlColumn = new QVBoxLayout;
    urlColumn->addLayout(urlRow);
    urlColumn->addWidget(m_tlsWarning);
    form->addRow(tr("Base URL:"), urlColumn);

    m_auth = wrappingLabel(QStringLiteral("authState"), box);
    form->addRow(tr("Authentication:"), m_auth);

    m_countsLabel = wrappingLabel(QStringLiteral("statusCounts"), box);
    form->addRow(tr("Responses:"), m_countsLabel);
    return box;
}

QWidget *ApiPanel::buildLogBox()
{
    auto *box = new QGroupBox(tr("Requests (newest first, last %L1 kept)").arg(RequestLogModel::kCapacity), this);
    m_log = new RequestLogModel(this);
    m_logView = new QTableView(box);
    m_logView->setObjectName(QStringLiteral("requestLog"));
    m_logView->setModel(m_log);
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_logView->setWordWrap(false);
    m_logView->verticalHeader()->hide();
    m_logView->verticalHeader()->setDefaultSectionSize(m_logView->fontMetrics().height() + 6);
    QHeaderView *header = m_logView->horizontalHeader();
    header->setSectionResizeMode(RequestLogModel::Path, QHeaderView::Stretch);
    const int digit = m_logView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(RequestLogModel::Time, digit * 14);
    header->resizeSection(RequestLogModel::Method, digit * 9);
    header->resizeSection(RequestLogModel::Status, digit * 8);
    header->resizeSection(RequestLogModel::Duration, digit * 14);
    header->resizeSection(RequestLogModel::Subject, digit * 18);
    header->resizeSection(RequestLogModel::RequestId, digit * 38);   // a UUID in full
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_logView);
    return box;
}

QWidget *ApiPanel::buildPolicyBox()
{
    auto *box = new QGroupBox(tr("Effective policy (api.policy, read-only)"), this);
    m_policy = new PolicyMatrixModel(this);
    m_policy->setConfig(m_config);
    auto *view = new QTableView(box);
    view->setObjectName(QStringLiteral("policyMatrix"));
    view->setModel(m_policy);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->verticalHeader()->hide();
    const int rowHeight = view->fontMetrics().height() + 6;
    view->verticalHeader()->setDefaultSectionSize(rowHeight);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(PolicyMatrixModel::Role, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PolicyMatrixModel::Connection, QHeaderView::ResizeToContents);
    const int cell = std::max(view->fontMetrics().horizontalAdvance(tr("migrate")),
                              view->fontMetrics().horizontalAdvance(tr("readonly"))) + 24;
    for (int column = PolicyMatrixModel::Read; column <= PolicyMatrixModel::Admin; ++column) {
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        header->resizeSection(column, cell);
    }
    // Up to eight rows without scrolling; the request log takes the rest.
    const int shown = std::clamp(m_policy->rowCount(), 1, 8);
    view->setMinimumHeight(header->sizeHint().height() + shown * rowHeight + 2 * view->frameWidth());

    auto *note = wrappingLabel(QStringLiteral("policyNote"), box);
    if (m_config.api.policy.isEmpty())
        note->setText(tr("No policy rules: every protected request is refused (deny by default)."));
    else if (m_config.connections.isEmpty())
        note->setText(tr("No connections configured."));
    else
        note->setText(tr("Deny by default. Readonly connections refuse writes, deletes and migrations whoever asks."));

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(view);
    layout->addWidget(note);
    return box;
}

void ApiPanel::ensureServer()
{
    if (m_server)
        return;
    m_server = std::make_unique<http::ApiServer>(m_registry);
    connect(m_server.get(), &http::ApiServer::requestFinished, this, &ApiPanel::addLogEntry);
    connect(m_server.get(), &http::ApiServer::authStateChanged, this, &ApiPanel::updateAuthState);
    connect(m_server.get(), &http::ApiServer::listeningChanged, this, [this](bool listening) {
        // A server that stops by itself (not through stop()) is stopped too.
        if (!listening && m_state == State::Running)
            setState(State::Stopped);
    });
}

bool ApiPanel::start()
{
    if (m_state != State::Stopped)
        return false;
    QString why;
    const auto listen = config::parseListenAddress(m_listen->text().trimmed(), &why);
    if (!listen) {
        showError(tr("Invalid listen address: %1").arg(why));
        return false;
    }
    ensureServer();
    const Status started = m_server->start(m_config, *listen);
    if (!started.ok()) {
        showError(ErrorText::plain(started.error()));
        return false;
    }
    m_error->hide();
    m_counts.reset();
    m_log->clear();
    setState(State::Running);
    return true;
}

void ApiPanel::stop()
{
    if (m_state != State::Running || !m_server)
        return;
    setState(State::Stopping);
    m_stopping = m_server->stop(m_config.api.shutdownGraceSeconds * 1000);
    async::onFinished(m_stopping, this, [this] { setState(State::Stopped); });
}

void ApiPanel::stopAndWait(int graceMs)
{
    if (m_state == State::Stopped || !m_server)
        return;
    // A Stop already under way keeps its own grace; we only wait for it.
    if (m_state == State::Running) {
        setState(State::Stopping);
        m_stopping = m_server->stop(graceMs);
    }
    const QFuture<void> done = m_stopping;
    QEventLoop loop;
    QFutureWatcher<void> watcher;
    connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    // Never let a server that does not let go (or a longer Stop already under
    // way) keep the application from quitting: the server's destructor cuts
    // off what is left.
    QTimer::singleShot(graceMs + 1000, &loop, &QEventLoop::quit);
    watcher.setFuture(done);
    if (!done.isFinished())
        loop.exec();
    setState(State::Stopped);
}

void ApiPanel::setState(State state)
{
    m_state = state;
    m_listen->setEnabled(state == State::Stopped);
    m_startStop->setEnabled(state != State::Stopping);
    switch (state) {
    case State::Stopped:
        m_startStop->setText(tr("&Start"));
        m_baseUrl->clear();
        break;
    case State::Running:
        m_startStop->setText(tr("S&top"));
        m_baseUrl->setText(m_server->baseUrl().toString());
        break;
    case State::Stopping:
        m_startStop->setText(tr("Stopping…"));
        break;
    }
    m_copy->setEnabled(!m_baseUrl->text().isEmpty());
    updateAuthState();
    emit stateChanged(state);
}

void ApiPanel::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

void ApiPanel::updateTlsWarning()
{
    const auto listen = config::parseListenAddress(m_listen->text().trimmed());
    const bool tls = !m_config.api.tlsCertificate.isEmpty() && !m_config.api.tlsKey.isEmpty();
    const bool exposed = listen && !listen->isLoopback() && !tls;
    m_tlsWarning->setText(exposed ? tr("⚠ Not a loopback address and no TLS configured (api.tls): tokens and data "
                                       "cross the network in clear text.")
                                  : QString());
    m_tlsWarning->setVisible(exposed);
}

void ApiPanel::updateAuthState()
{
    const QString issuer = m_config.api.oidc.issuer;
    if (issuer.isEmpty()) {
        m_auth->setText(tr("No OIDC issuer configured (api.oidc.issuer): protected routes refuse every request."));
        return;
    }
    if (m_state != State::Running || !m_server) {
        m_auth->setText(tr("Issuer %1: keys are fetched when the server starts.").arg(issuer));
        return;
    }
    if (m_server->authReady()) {
        m_auth->setText(tr("Ready: keys loaded from %1.").arg(issuer));
        return;
    }
    const QString problem = m_server->authProblem();
    m_auth->setText(problem.isEmpty() ? tr("Fetching keys from %1…").arg(issuer)
                                      : tr("Keys not loaded from %1: %2").arg(issuer, problem));
}

void ApiPanel::updateCounts()
{
    m_countsLabel->setText(tr("2xx: %L1   3xx: %L2   4xx: %L3   5xx: %L4   total: %L5")
                               .arg(m_counts.count(2))
                               .arg(m_counts.count(3))
                               .arg(m_counts.count(4))
                               .arg(m_counts.count(5))
                               .arg(m_counts.total()));
}

void ApiPanel::addLogEntry(const http::RequestLogEntry &entry)
{
    m_counts.add(entry.status);
    updateCounts();
    m_log->append(entry);
}

void ApiPanel::copyBaseUrl()
{
    if (!m_baseUrl->text().isEmpty())
        QApplication::clipboard()->setText(m_baseUrl->text());
}

} // namespace tw::ui
