#include "MainWindow.h"

#include "ConnectionListModel.h"
#include "ErrorText.h"
#include "Workbench.h"
#include "async/Then.h"
#include "db/ConnectionRegistry.h"
#include "log/Categories.h"
#include "api/ApiFeature.h"
#include "browser/BrowserFeature.h"
#include "migrations/MigrationsFeature.h"
#include "search/SearchFeature.h"
#include "schema/SchemaFeature.h"

#include <QAction>
#include <QCloseEvent>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace tw::ui {

MainWindow::MainWindow(const QList<config::ConnectionProfile> &profiles, db::ConnectionRegistry *registry,
                       QWidget *parent)
    : MainWindow(config::AppConfig{profiles, {}, {}}, registry, parent)
{
}

MainWindow::MainWindow(const config::AppConfig &config, db::ConnectionRegistry *registry, QWidget *parent)
    : QMainWindow(parent)
    , m_registry(registry)
    , m_connections(new ConnectionListModel(this))
    , m_connectionView(new QListView(this))
    , m_pages(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_bench(new Workbench(this, m_pages, registry))
{
    const QList<config::ConnectionProfile> &profiles = config.connections;
    setWindowTitle(tr("Tablewright"));
    m_bench->setConfig(config);
    m_connections->setProfiles(profiles);

    m_connectionView->setModel(m_connections);
    m_connectionView->setObjectName(QStringLiteral("connectionList"));
    m_connectionView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_connectionView->setMinimumWidth(160);
    connect(m_connectionView, &QListView::activated, this, [this](const QModelIndex &index) {
        openConnection(index.data(ConnectionListModel::NameRole).toString());
    });

    m_placeholder->setObjectName(QStringLiteral("startPage"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(profiles.isEmpty()
                               ? tr("No connections configured.\nUse File → Open SQLite File… or add connections to the config file.")
                               : tr("Double-click a connection to open it."));
    m_bench->addPage(PageId::Start, m_placeholder);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_connectionView);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 1030});
    setCentralWidget(splitter);

    buildMenus();
    installFeatures();
    connect(m_bench, &Workbench::snapshotLoaded, this, &MainWindow::snapshotLoaded);
    connect(m_bench, &Workbench::operationFailed, this, [this](const QString &connection, const Error &error) {
        statusBar()->showMessage(tr("%1: %2").arg(connection, userText(error)));
    });
    statusBar()->showMessage(tr("%n connection(s) configured", nullptr, int(profiles.size())));
    resize(1200, 720);
}

void MainWindow::buildMenus()
{
    // The groups features add to (STYLE.md pattern 1); the window's own
    // actions come first in each.
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_bench->setMenu(MenuGroup::File, file);
    QAction *openFile = file->addAction(tr("&Open SQLite File…"), this, &MainWindow::openSqliteFile);
    openFile->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    m_bench->setMenu(MenuGroup::Connection, connection);
    QAction *open = connection->addAction(tr("&Connect"), this, [this] {
        const QModelIndex current = m_connectionView->currentIndex();
        if (current.isValid())
            openConnection(current.data(ConnectionListModel::NameRole).toString());
    });
    open->setShortcut(Qt::Key_Return | Qt::ControlModifier);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_bench->setMenu(MenuGroup::View, view);
    QAction *refresh = view->addAction(tr("&Refresh"), m_bench, &Workbench::refreshCurrentPage);
    refresh->setShortcut(QKeySequence::Refresh);
    view->addSeparator();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_bench->setMenu(MenuGroup::Help, help);
    help->addAction(tr("&About Tablewright"), this, [this] {
        QMessageBox::about(this, tr("About Tablewright"),
                           tr("Tablewright %1\nAdministration for PostgreSQL and SQLite.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_bench->mayClose())
        event->accept();
    else
        event->ignore();
}

void MainWindow::installFeatures()
{
    SchemaFeature::install(*m_bench);
    BrowserFeature::install(*m_bench);
    SearchFeature::install(*m_bench);
    MigrationsFeature::install(*m_bench);
    ApiFeature::install(*m_bench);   // last: its close guard stops the server only once the others agreed
}

void MainWindow::addConnection(const config::ConnectionProfile &profile)
{
    m_connections->addProfile(profile);
    if (m_pages->currentWidget() == m_placeholder)
        m_placeholder->setText(tr("Double-click a connection to open it."));
}

void MainWindow::openConnection(const QString &name)
{
    const auto profile = m_connections->profile(name);
    if (!profile)
        return;
    const int row = m_connections->rowOf(name);
    m_connectionView->setCurrentIndex(m_connections->index(row));
    if (m_connections->state(name) == ConnectionListModel::State::Open && m_registry->pool(name)) {
        m_bench->openConnection(name);
        return;
    }
    m_connections->setState(name, ConnectionListModel::State::Opening);
    statusBar()->showMessage(tr("Connecting to %1…").arg(name));
    async::then(m_registry->open(*profile), this, [this, name](const Status &status) {
        if (!status.ok()) {
            showFailure(name, status.error());
            return;
        }
        m_connections->setState(name, ConnectionListModel::State::Open);
        statusBar()->showMessage(tr("Connected to %1").arg(name));
        m_bench->openConnection(name);
    });
}

void MainWindow::showFailure(const QString &name, const Error &error)
{
    m_connections->setState(name, ConnectionListModel::State::Failed, error.message());
    m_placeholder->setText(tr("Could not open %1.").arg(name) + QStringLiteral("\n\n") + ErrorText::plain(error));
    m_bench->showPage(PageId::Start);
    statusBar()->showMessage(tr("%1: %2").arg(name, userText(error)));
    qCWarning(lcUi) << "connection" << name << "failed:" << error.toString();
    emit connectionFailed(name, error);
}

void MainWindow::openSqliteFile()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open SQLite File"), {},
                                                      tr("SQLite databases (*.sqlite *.sqlite3 *.db);;All files (*)"));
    if (file.isEmpty())
        return;
    config::ConnectionProfile profile;
    profile.driver = config::Driver::Sqlite;
    profile.database = file;
    profile.name = QFileInfo(file).completeBaseName();
    for (int suffix = 2; m_connections->rowOf(profile.name) >= 0; ++suffix)
        profile.name = QFileInfo(file).completeBaseName() + QLatin1Char('-') + QString::number(suffix);
    addConnection(profile);
    openConnection(profile.name);
}

} // namespace tw::ui
