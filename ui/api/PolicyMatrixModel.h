#pragma once

#include "config/AppConfig.h"
#include "http/rbac/Policy.h"

#include <QAbstractTableModel>
#include <QList>

namespace tw::ui {

// The API's effective policy, read-only: one row per role named in
// api.policy and configured connection, one column per permission. A cell
// shows ✓ when the role holds the permission on that connection (some table
// of it), "readonly" when the policy grants a write-like permission that the
// connection refuses whoever asks, and nothing otherwise.
class PolicyMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Role, Connection, Read, Write, Delete, Migrate, Admin, ColumnCount };

    explicit PolicyMatrixModel(QObject *parent = nullptr);

    void setConfig(const config::AppConfig &config);
    // Roles in the order api.policy first names them.
    static QStringList rolesOf(const QList<config::PolicyRule> &rules);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    enum class Cell { Denied, Granted, RefusedReadonly };
    struct Row
    {
        QString role;
        QString connection;
        bool readonly = false;
        QList<Cell> cells;   // Read … Admin
    };
    static http::Permission permissionOf(int column);

    QList<Row> m_rows;
};

} // namespace tw::ui
