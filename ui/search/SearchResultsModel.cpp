#include "SearchResultsModel.h"

#include <QJsonValue>
#include <QPoint>

namespace tw::ui {

void SearchResultsModel::setHits(QList<data::SearchHit> hits)
{
    beginResetModel();
    m_hits = std::move(hits);
    endResetModel();
}

const data::SearchHit *SearchResultsModel::hit(int row) const
{
    return row >= 0 && row < m_hits.size() ? &m_hits.at(row) : nullptr;
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SearchResultsModel::keyText(const QJsonObject &key)
{
    QStringList parts;
    for (auto it = key.begin(); it != key.end(); ++it) {
        const QJsonValue value = it.value();
        const QString text = value.isString() ? value.toString()
                             : value.isNull() ? QStringLiteral("NULL")
                                              : value.toVariant().toString();
        parts << it.key() + QStringLiteral(" = ") + text;
    }
    return parts.join(QStringLiteral(", "));
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    const data::SearchHit *h = hit(index.row());
    if (!h || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case TableColumn: return h->table;
        case KeyColumn: return keyText(h->key);
        case ColumnColumn: return h->column;
        case SnippetColumn: return h->snippet;
        }
    }
    if (role == HighlightsRole && index.column() == SnippetColumn) {
        QVariantList ranges;
        for (const auto &[start, length] : h->highlights)
            ranges << QPoint(start, length);
        return ranges;
    }
    return {};
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TableColumn: return tr("Table");
    case KeyColumn: return tr("Key");
    case ColumnColumn: return tr("Column");
    case SnippetColumn: return tr("Match");
    }
    return {};
}

} // namespace tw::ui
