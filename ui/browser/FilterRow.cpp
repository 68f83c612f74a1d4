#include "FilterRow.h"

#include "FilterParser.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>

namespace tw::ui {

FilterRow::FilterRow(QTableView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("filterRow"));
    m_apply.setSingleShot(true);
    m_apply.setInterval(450);
    connect(&m_apply, &QTimer::timeout, this, &FilterRow::filtersChanged);

    QHeaderView *header = view->horizontalHeader();
    connect(header, &QHeaderView::sectionResized, this, &FilterRow::relayout);
    connect(header, &QHeaderView::sectionMoved, this, &FilterRow::relayout);
    connect(header, &QHeaderView::geometriesChanged, this, &FilterRow::relayout);
    connect(view->horizontalScrollBar(), &QScrollBar::valueChanged, this, &FilterRow::relayout);
    connect(view->verticalHeader(), &QHeaderView::geometriesChanged, this, &FilterRow::relayout);
}

void FilterRow::setShape(const data::TableShape &shape)
{
    m_shape = shape;
    qDeleteAll(m_boxes);
    m_boxes.clear();
    for (int i = 0; i < shape.columns.size(); ++i) {
        auto *box = new QLineEdit(this);
        box->setObjectName(QStringLiteral("filter_%1").arg(i));
        box->setClearButtonEnabled(true);
        box->setPlaceholderText(tr("Filter"));
        box->setToolTip(tr("Filter %1: text (contains), =x, !=x, <x, <=x, >x, >=x, a..b, in a,b,c, "
                           "~x, like p, NULL, !NULL; \\ takes the rest literally")
                            .arg(shape.columns.at(i).name));
        connect(box, &QLineEdit::textEdited, this, [this, i] {
            validate(i);
            m_apply.start();
        });
        connect(box, &QLineEdit::returnPressed, this, [this] {
            m_apply.stop();
            emit filtersChanged();
        });
        box->show();
        m_boxes << box;
    }
    setFixedHeight(m_boxes.isEmpty() ? 0 : m_boxes.constFirst()->sizeHint().height());
    relayout();
}

QList<data::Filter> FilterRow::filters() const
{
    QList<data::Filter> result;
    for (int i = 0; i < m_boxes.size() && i < m_shape.columns.size(); ++i) {
        const ParsedFilter parsed = parseFilter(m_shape.columns.at(i), m_boxes.at(i)->text());
        if (parsed.filter)
            result << *parsed.filter;
    }
    return result;
}

bool FilterRow::hasErrors() const
{
    for (int i = 0; i < m_boxes.size() && i < m_shape.columns.size(); ++i) {
        if (!parseFilter(m_shape.columns.at(i), m_boxes.at(i)->text()).error.isEmpty())
            return true;
    }
    return false;
}

void FilterRow::setFilters(const QList<data::Filter> &filters)
{
    for (QLineEdit *box : std::as_const(m_boxes))
        box->clear();
    for (const data::Filter &filter : filters) {
        const int column = m_shape.columnIndex(filter.column);
        if (column >= 0 && column < m_boxes.size()) {
            m_boxes.at(column)->setText(filterText(filter));
            validate(column);
        }
    }
}

void FilterRow::clear()
{
    bool hadText = false;
    for (QLineEdit *box : std::as_const(m_boxes)) {
        hadText = hadText || !box->text().isEmpty();
        box->clear();
        box->setStyleSheet({});
    }
    if (hadText)
        emit filtersChanged();
}

void FilterRow::validate(int column)
{
    QLineEdit *box = m_boxes.value(column);
    if (!box || column >= m_shape.columns.size())
        return;
    const ParsedFilter parsed = parseFilter(m_shape.columns.at(column), box->text());
    box->setStyleSheet(parsed.error.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #c0392b; }"));
    if (!parsed.error.isEmpty())
        box->setToolTip(parsed.error);
}

void FilterRow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void FilterRow::relayout()
{
    const QHeaderView *header = m_view->horizontalHeader();
    // The boxes sit over the view's columns: offset by the row-number header
    // and the frame, follow horizontal scrolling, hide when scrolled away.
    const int offset = m_view->verticalHeader()->width() + m_view->frameWidth();
    for (int i = 0; i < m_boxes.size(); ++i) {
        QLineEdit *box = m_boxes.at(i);
        if (header->isSectionHidden(i)) {
            box->hide();
            continue;
        }
        const int x = offset + header->sectionViewportPosition(i);
        const int width = header->sectionSize(i);
        const int left = std::max(x, offset);
        const int right = std::min(x + width, offset + header->viewport()->width());
        if (right <= left) {
            box->hide();
            continue;
        }
        box->setGeometry(left, 0, right - left, height());
        box->show();
    }
}

} // namespace tw::ui
