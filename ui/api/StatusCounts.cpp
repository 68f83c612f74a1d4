#include "StatusCounts.h"

namespace tw::ui {

void StatusCounts::add(int status)
{
    ++m_total;
    const int statusClass = status / 100;
    if (statusClass >= 1 && statusClass <= 5)
        ++m_byClass[std::size_t(statusClass - 1)];
}

quint64 StatusCounts::count(int statusClass) const
{
    if (statusClass < 1 || statusClass > 5)
        return 0;
    return m_byClass[std::size_t(statusClass - 1)];
}

} // namespace tw::ui
