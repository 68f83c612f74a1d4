#pragma once

#include <QtGlobal>

#include <array>

namespace tw::ui {

// Responses counted by status class (2xx … 5xx) since the server started.
// A plain value, fed from ApiServer::requestFinished on the GUI thread.
class StatusCounts
{
public:
    void add(int status);
    void reset() { *this = StatusCounts(); }

    // `statusClass` is 1…5 (2 counts 200–299); anything else gives 0.
    quint64 count(int statusClass) const;
    quint64 total() const { return m_total; }

private:
    std::array<quint64, 5> m_byClass{};   // 1xx … 5xx
    quint64 m_total = 0;                  // includes statuses outside 100–599
};

} // namespace tw::ui
