#include "ConnectionListModel.h"

#include <QApplication>
#include <QStyle>

namespace tw::ui {

ConnectionListModel::ConnectionListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void ConnectionListModel::setProfiles(const QList<config::ConnectionProfile> &profiles)
{
    beginResetModel();
    m_profiles = profiles;
    m_entries = QList<Entry>(profiles.size());
    endResetModel();
}

void ConnectionListModel::addProfile(const config::ConnectionProfile &profile)
{
    if (rowOf(profile.name) >= 0)
        return;
    const int row = int(m_profiles.size());
    beginInsertRows({}, row, row);
    m_profiles.append(profile);
    m_entries.append(Entry{});
    endInsertRows();
}

std::optional<config::ConnectionProfile> ConnectionListModel::profile(const QString &name) const
{
    const int row = rowOf(name);
    if (row < 0)
        return std::nullopt;
    return m_profiles.at(row);
}

int ConnectionListModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name)
            return i;
    }
    return -1;
}

void ConnectionListModel::setState(const QString &name, State state, const QString &error)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    m_entries[row] = Entry{state, error};
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

ConnectionListModel::State ConnectionListModel::state(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? State::Closed : m_entries.at(row).state;
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_profiles.size())
        return {};
    const auto &profile = m_profiles.at(index.row());
    const auto &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return profile.name;
    case Qt::ToolTipRole: {
        QString tip = profile.displayUrl();
        if (profile.readonly)
            tip += QLatin1Char('\n') + tr("Read-only");
        if (!entry.error.isEmpty())
            tip += QLatin1Char('\n') + entry.error;
        return tip;
    }
    case Qt::DecorationRole: {
        QStyle *style = QApplication::style();
        switch (entry.state) {
        case State::Open: return style->standardIcon(QStyle::SP_DialogApplyButton);
        case State::Failed: return style->standardIcon(QStyle::SP_MessageBoxCritical);
        case State::Opening: return style->standardIcon(QStyle::SP_BrowserReload);
        case State::Closed: break;
        }
        return style->standardIcon(profile.driver == config::Driver::Sqlite ? QStyle::SP_FileIcon
                                                                          : QStyle::SP_DriveNetIcon);
    }
    case StateRole:
        return int(entry.state);
    case ErrorRole:
        return entry.error;
    default:
        return {};
    }
}

} // namespace tw::ui
