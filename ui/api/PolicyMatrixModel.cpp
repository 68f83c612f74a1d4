#include "PolicyMatrixModel.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

namespace tw::ui {

PolicyMatrixModel::PolicyMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QStringList PolicyMatrixModel::rolesOf(const QList<config::PolicyRule> &rules)
{
    QStringList roles;
    for (const config::PolicyRule &rule : rules) {
        if (!rule.role.isEmpty() && !roles.contains(rule.role))
            roles << rule.role;
    }
    return roles;
}

http::Permission PolicyMatrixModel::permissionOf(int column)
{
    switch (column) {
    case Write: return http::Permission::Write;
    case Delete: return http::Permission::Delete;
    case Migrate: return http::Permission::Migrate;
    case Admin: return http::Permission::Admin;
    default: return http::Permission::Read;
    }
}

void PolicyMatrixModel::setConfig(const config::AppConfig &config)
{
    const http::Policy policy(config.api.policy);
    QList<Row> rows;
    for (const QString &role : rolesOf(config.api.policy)) {
        for (const config::ConnectionProfile &connection : config.connections) {
            Row row{role, connection.name, connection.readonly, {}};
            const QList<http::Permission> held = policy.permissions(QStringList{role}, connection.name);
            for (int column = Read; column <= Admin; ++column) {
                const http::Permission permission = permissionOf(column);
                // Admin stays as granted: it administers, and the server
                // refuses its writes on a readonly connection like any other.
                const bool writeLike = permission == http::Permission::Write
                                       || permission == http::Permission::Delete
                                       || permission == http::Permission::Migrate;
                if (!held.contains(permission))
                    row.cells << Cell::Denied;
                else if (writeLike && connection.readonly)
                    row.cells << Cell::RefusedReadonly;
                else
                    row.cells << Cell::Granted;
            }
            rows << row;
        }
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int PolicyMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PolicyMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PolicyMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    if (column == Role)
        return role == Qt::DisplayRole ? QVariant(row.role) : QVariant();
    if (column == Connection) {
        if (role == Qt::DisplayRole)
            return row.readonly ? tr("%1 (readonly)").arg(row.connection) : row.connection;
        if (role == Qt::ToolTipRole && row.readonly)
            return tr("A readonly connection refuses writes, deletes and migrations whoever asks.");
        return {};
    }
    const Cell cell = row.cells.at(column - Read);
    switch (role) {
    case Qt::DisplayRole:
        if (cell == Cell::Granted)
            return QStringLiteral("✓");
        if (cell == Cell::RefusedReadonly)
            return tr("readonly");
        return QString();
    case Qt::ToolTipRole:
        if (cell == Cell::RefusedReadonly)
            return tr("The policy grants %1, but the connection is readonly: refused.")
                .arg(http::permissionName(permissionOf(column)));
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignCenter);
    case Qt::ForegroundRole:
        if (cell == Cell::RefusedReadonly)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (cell == Cell::RefusedReadonly) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant PolicyMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Role: return tr("Role");
    case Connection: return tr("Connection");
    case Read: return tr("read");
    case Write: return tr("write");
    case Delete: return tr("delete");
    case Migrate: return tr("migrate");
    case Admin: return tr("admin");
    default: return {};
    }
}

} // namespace tw::ui
