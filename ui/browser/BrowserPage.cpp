#include "BrowserPage.h"

#include "TableModel.h"
#include "TableTab.h"

#include <QMessageBox>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace tw::ui {

BrowserPage::BrowserPage(db::ConnectionRegistry *registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("browserPage"));
    m_tabs->setObjectName(QStringLiteral("browserTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) { closeTab(index); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

TableTab *BrowserPage::openTable(const QString &connection, const catalog::QualifiedName &table,
                                 const QList<data::Filter> &filters)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *existing = tab(i);
        if (existing->connection() == connection && existing->table() == table) {
            if (!filters.isEmpty())
                existing->setFilters(filters);
            m_tabs->setCurrentIndex(i);
            return existing;
        }
    }
    auto *tab = new TableTab(m_registry, connection, table, filters);
    connect(tab, &TableTab::failed, this, &BrowserPage::failed);
    connect(tab, &TableTab::statusMessage, this, &BrowserPage::statusMessage);
    tab->setRestBaseUrl(m_restBase);
    connect(tab, &TableTab::openReferenced, this,
            [this](const QString &conn, const catalog::QualifiedName &target, const QList<data::Filter> &where) {
                openTable(conn, target, where);
            });
    const int index = m_tabs->addTab(tab, table.name);
    m_tabs->setTabToolTip(index, QStringLiteral("%1: %2").arg(connection, table.displayName()));
    m_tabs->setCurrentIndex(index);
    // Staged edits show in the tab title, so they are not forgotten behind another tab.
    const auto retitle = [this, tab] {
        const int at = m_tabs->indexOf(tab);
        if (at >= 0)
            m_tabs->setTabText(at, tab->table().name + (tab->model()->hasStagedChanges() ? QStringLiteral(" *") : QString()));
    };
    connect(tab->model()->undoStack(), &QUndoStack::indexChanged, this, retitle);
    connect(tab->model(), &TableModel::committed, this, retitle);
    connect(tab->model(), &QAbstractItemModel::modelReset, this, retitle);
    return tab;
}

void BrowserPage::refresh()
{
    if (TableTab *tab = currentTab())
        tab->reload();
}

TableTab *BrowserPage::currentTab() const
{
    return qobject_cast<TableTab *>(m_tabs->currentWidget());
}

int BrowserPage::tabCount() const
{
    return m_tabs->count();
}

TableTab *BrowserPage::tab(int index) const
{
    return qobject_cast<TableTab *>(m_tabs->widget(index));
}

bool BrowserPage::closeTab(int index, bool ask)
{
    TableTab *closing = tab(index);
    if (!closing)
        return false;
    if (ask && closing->model()->hasStagedChanges()) {
        const auto answer = QMessageBox::question(
            this, tr("Close Table"),
            tr("%1 has edits that are not committed. Close it and drop them?").arg(closing->table().displayName()),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return false;
    }
    m_tabs->removeTab(index);
    closing->deleteLater();
    return true;
}

void BrowserPage::setRestBaseUrl(std::function<QString()> provider)
{
    m_restBase = std::move(provider);
    for (int i = 0; i < m_tabs->count(); ++i)
        tab(i)->setRestBaseUrl(m_restBase);
}

bool BrowserPage::hasStagedChanges() const
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (tab(i)->model()->hasStagedChanges())
            return true;
    }
    return false;
}

} // namespace tw::ui
