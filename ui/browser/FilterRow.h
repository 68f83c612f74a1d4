#pragma once

#include "data/PageRequest.h"
#include "data/TableShape.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class QLineEdit;
class QTableView;

namespace tw::ui {

// One filter box per column, kept aligned with the table view's columns
// (resizing, moving and scrolling). Typing applies after a short pause so a
// 10M-row table is not re-queried on every key.
class FilterRow final : public QWidget
{
    Q_OBJECT
public:
    explicit FilterRow(QTableView *view, QWidget *parent = nullptr);

    void setShape(const data::TableShape &shape);
    // Conditions of every box that parses; boxes that do not are marked and skipped.
    QList<data::Filter> filters() const;
    bool hasErrors() const;
    void setFilters(const QList<data::Filter> &filters);
    void clear();
    QLineEdit *box(int column) const { return m_boxes.value(column); }

signals:
    void filtersChanged();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void relayout();
    void validate(int column);

    QTableView *m_view;
    data::TableShape m_shape;
    QList<QLineEdit *> m_boxes;
    QTimer m_apply;
};

} // namespace tw::ui
