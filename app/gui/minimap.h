#pragma once
// An overview of the whole scene (rendered once to a pixmap, so big graphs stay cheap) with the
// main view's visible rectangle; click or drag to move the main view there.
#include <QPixmap>
#include <QWidget>

class QGraphicsScene;

namespace ql::gui {

class Minimap : public QWidget {
    Q_OBJECT
public:
    explicit Minimap(QWidget* parent = nullptr);
    void render(QGraphicsScene* scene);        // call after the scene's items or colours change
    void setVisibleRect(const QRectF& sceneRect);

signals:
    void centerRequested(QPointF scenePos);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRectF targetRect() const;                 // where the pixmap is drawn in the widget
    QPointF toScene(QPointF widgetPos) const;
    QPixmap pixmap_;
    QRectF sceneRect_, visible_;
    double scale_ = 1;
};

}  // namespace ql::gui
