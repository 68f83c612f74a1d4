#pragma once

#include <QStyledItemDelegate>

namespace tw::ui {

// Draws a search snippet with its matched words in bold on a tinted
// background (SearchResultsModel::HighlightsRole); other cells as usual.
class SnippetDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace tw::ui
