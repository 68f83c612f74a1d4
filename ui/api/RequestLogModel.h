#pragma once

#include "http/HttpMessage.h"

#include <QAbstractTableModel>
#include <QList>

namespace tw::ui {

// The API panel's live request log: the last kCapacity finished requests,
// newest in row 0. Paths come from RequestLogEntry::path, which never holds
// the query string (filter values may be personal data).
class RequestLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Method, Path, Status, Duration, Subject, RequestId, ColumnCount };
    static constexpr int kCapacity = 1000;

    explicit RequestLogModel(QObject *parent = nullptr);

    void append(const http::RequestLogEntry &entry);
    void clear();
    const http::RequestLogEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<http::RequestLogEntry> m_entries;   // newest first
};

} // namespace tw::ui
