#pragma once

#include "config/ConnectionProfile.h"

#include <QAbstractListModel>

namespace tw::ui {

// The configured connections and what the user last saw of each.
class ConnectionListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class State { Closed, Opening, Open, Failed };
    enum Roles { StateRole = Qt::UserRole + 1, NameRole, ErrorRole };

    explicit ConnectionListModel(QObject *parent = nullptr);

    void setProfiles(const QList<config::ConnectionProfile> &profiles);
    void addProfile(const config::ConnectionProfile &profile);
    const QList<config::ConnectionProfile> &profiles() const { return m_profiles; }
    std::optional<config::ConnectionProfile> profile(const QString &name) const;
    int rowOf(const QString &name) const;

    void setState(const QString &name, State state, const QString &error = {});
    State state(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        State state = State::Closed;
        QString error;
    };
    QList<config::ConnectionProfile> m_profiles;
    QList<Entry> m_entries;
};

} // namespace tw::ui
