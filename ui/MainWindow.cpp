#include "MainWindow.h"

#include "ConnectionListModel.h"
#include "TableListPanel.h"
#include "catalog/TableList.h"
#include "db/ConnectionRegistry.h"
#include "log/Categories.h"

#include <QAction>
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
    : QMainWindow(parent)
    , m_registry(registry)
    , m_connections(new ConnectionListModel(this))
    , m_connectionView(new QListView(this))
    , m_pages(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
    , m_tables(new TableListPanel(this))
{
    setWindowTitle(tr("Tablewright"));
    m_connections->setProfiles(profiles);

    m_connectionView->setModel(m_connections);
    m_connectionView->setObjectName(QStringLiteral("connectionList"));
    m_connectionView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_connectionView->setMinimumWidth(200);
    connect(m_connectionView, &QListView::activated, this, [this](const QModelIndex &index) {
        openConnection(index.data(ConnectionListModel::NameRole).toString());
    });

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(profiles.isEmpty()
                               ? tr("No connections configured.\nUse File → Open SQLite File… or add connections to the config file.")
                               : tr("Double-click a connection to open it."));
    m_pages->addWidget(m_placeholder);
    m_pages->addWidget(m_tables);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_connectionView);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 760});
    setCentralWidget(splitter);

    buildMenus();
    statusBar()->showMessage(tr("%n connection(s) configured", nullptr, int(profiles.size())));
    resize(1000, 640);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openFile = file->addAction(tr("&Open SQLite File…"), this, &MainWindow::openSqliteFile);
    openFile->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *connection = menuBar()->addMenu(tr("&Connection"));
    QAction *open = connection->addAction(tr("&Connect"), this, [this] {
        const QModelIndex current = m_connectionView->currentIndex();
        if (current.isValid())
            openConnection(current.data(ConnectionListModel::NameRole).toString());
    });
    open->setShortcut(Qt::Key_Return | Qt::ControlModifier);
    QAction *refresh = connection->addAction(tr("&Refresh Tables"), this, &MainWindow::refreshTables);
    refresh->setShortcut(QKeySequence::Refresh);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tablewright"), this, [this] {
        QMessageBox::about(this, tr("About Tablewright"),
                           tr("Tablewright %1\nAdministration for PostgreSQL and SQLite.")
                               .arg(QApplication::applicationVersion()));
    });
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
        loadTables(name);
        return;
    }
    m_connections->setState(name, ConnectionListModel::State::Opening);
    statusBar()->showMessage(tr("Connecting to %1…").arg(name));
    m_registry->open(*profile).then(this, [this, name](const Status &status) {
        if (!status.ok()) {
            showFailure(name, status.error());
            return;
        }
        m_connections->setState(name, ConnectionListModel::State::Open);
        loadTables(name);
    });
}

void MainWindow::refreshTables()
{
    if (!m_tables->connection().isEmpty())
        loadTables(m_tables->connection());
}

void MainWindow::loadTables(const QString &name)
{
    auto pool = m_registry->pool(name);
    if (!pool)
        return;
    statusBar()->showMessage(tr("Reading the tables of %1…").arg(name));
    pool->run([](db::Session &session) { return catalog::listTables(session); })
        .then(this, [this, name](const Result<QList<catalog::TableRef>> &tables) {
            if (!tables.ok()) {
                showFailure(name, tables.error());
                return;
            }
            m_tables->setTables(name, tables.value());
            m_pages->setCurrentWidget(m_tables);
            statusBar()->showMessage(tr("%1: %n table(s) and view(s)", nullptr, int(tables.value().size())).arg(name));
            emit tablesLoaded(name);
        });
}

void MainWindow::showFailure(const QString &name, const Error &error)
{
    m_connections->setState(name, ConnectionListModel::State::Failed, error.message());
    m_placeholder->setText(tr("Could not open %1.\n\n%2").arg(name, error.message()));
    m_pages->setCurrentWidget(m_placeholder);
    statusBar()->showMessage(error.toString());
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
