#include "TableListPanel.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QStyle>
#include <QVBoxLayout>

namespace tw::ui {

TableListPanel::TableListPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QListView(this))
    , m_model(new QStandardItemModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_filter->setPlaceholderText(tr("Filter tables…"));
    m_filter->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformItemSizes(true);
    m_view->setObjectName(QStringLiteral("tableList"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
}

void TableListPanel::setTables(const QString &connection, const QList<catalog::TableRef> &tables)
{
    m_connection = connection;
    m_model->clear();
    QStyle *style = QApplication::style();
    const QIcon tableIcon = style->standardIcon(QStyle::SP_FileDialogDetailedView);
    const QIcon viewIcon = style->standardIcon(QStyle::SP_FileDialogContentsView);
    int views = 0;
    for (const auto &table : tables) {
        const bool isView = table.kind != catalog::TableRef::Kind::Table;
        views += isView ? 1 : 0;
        auto *item = new QStandardItem(isView ? viewIcon : tableIcon, table.displayName());
        item->setToolTip(catalog::kindName(table.kind));
        m_model->appendRow(item);
    }
    m_title->setText(tr("%1 — %n table(s)", nullptr, int(tables.size() - views)).arg(connection)
                     + (views ? tr(", %n view(s)", nullptr, views) : QString()));
}

QStringList TableListPanel::visibleTables() const
{
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names << m_proxy->index(row, 0).data().toString();
    return names;
}

} // namespace tw::ui
