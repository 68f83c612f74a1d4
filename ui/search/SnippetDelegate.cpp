#include "SnippetDelegate.h"

#include "SearchResultsModel.h"

#include <QApplication>
#include <QPainter>
#include <QPoint>
#include <QTextLayout>

namespace tw::ui {

void SnippetDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariantList ranges = index.data(SearchResultsModel::HighlightsRole).toList();
    if (ranges.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);   // background and selection
    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(3, 0, -3, 0);

    const bool selected = opt.state & QStyle::State_Selected;
    QList<QTextLayout::FormatRange> formats;
    for (const QVariant &range : ranges) {
        const QPoint r = range.toPoint();
        QTextLayout::FormatRange format;
        format.start = r.x();
        format.length = r.y();
        format.format.setFontWeight(QFont::Bold);
        if (!selected)
            format.format.setBackground(QColor(255, 230, 120));
        formats << format;
    }
    QTextLayout layout(text, opt.font);
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(1e6);   // one line; what does not fit is clipped
    layout.endLayout();

    painter->save();
    painter->setClipRect(area);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const qreal top = area.top() + (area.height() - (line.isValid() ? line.height() : 0)) / 2;
    layout.draw(painter, QPointF(area.left(), top));
    painter->restore();
}

} // namespace tw::ui
