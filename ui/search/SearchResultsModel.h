#pragma once

#include "data/DatabaseSearch.h"

#include <QAbstractTableModel>

namespace tw::ui {

// The hits of one search, as rows of table, key, column and snippet. Holds
// plain values handed over by the dialog on the GUI thread.
class SearchResultsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TableColumn, KeyColumn, ColumnColumn, SnippetColumn, ColumnCount };
    // The snippet's highlights as a QVariantList of QPoint(start, length).
    static constexpr int HighlightsRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setHits(QList<data::SearchHit> hits);
    void clear() { setHits({}); }
    const data::SearchHit *hit(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // {"id": 7} shown as "id = 7"; several keys joined by ", ".
    static QString keyText(const QJsonObject &key);

private:
    QList<data::SearchHit> m_hits;
};

} // namespace tw::ui
