#include "RequestLogModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace tw::ui {

RequestLogModel::RequestLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RequestLogModel::append(const http::RequestLogEntry &entry)
{
    // Drop the oldest first so the view never holds more than kCapacity rows,
    // even for a moment: a busy server must not grow the GUI's memory.
    if (m_entries.size() >= kCapacity) {
        const int first = kCapacity - 1;
        beginRemoveRows({}, first, int(m_entries.size()) - 1);
        m_entries.resize(first);
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
}

void RequestLogModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const http::RequestLogEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case Method: return e.method;
        case Path: return e.path;
        case Status: return e.status;
        case Duration: return QLocale().toString(e.durationMs, 'f', 2);
        case Subject: return e.subject;
        case RequestId: return e.requestId;
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Time)
            return QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat);
        if (index.column() == Path && !e.route.isEmpty())
            return tr("Route: %1").arg(e.route);
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Status || index.column() == Duration)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (e.status >= 500)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (e.status >= 400)
            return QBrush(QColor(0xb2, 0x6a, 0x00));
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time");
    case Method: return tr("Method");
    case Path: return tr("Path");
    case Status: return tr("Status");
    case Duration: return tr("Duration (ms)");
    case Subject: return tr("Subject");
    case RequestId: return tr("Request ID");
    default: return {};
    }
}

} // namespace tw::ui
