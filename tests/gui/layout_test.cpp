// Layout engines: the layered fallback keeps node rectangles apart on a generated 1,000-node,
// concat-heavy DAG (DenseNet-like); Auto picks dot for small graphs and the fallback for dense
// ones; the cache returns the same layout for the same input.
#include <QtTest>
#include <random>

#include "app/gui/layered_layout.h"
#include "app/gui/layout_cache.h"

using namespace ql::gui;

namespace {

// Dense blocks: each layer is a short chain whose concat takes every earlier output in the block.
LayoutInput denseDag(int nodes, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> width(80, 260);
    LayoutInput in;
    std::vector<int> blockOutputs;
    int prev = -1;
    for (int i = 0; i < nodes; ++i) {
        in.sizes.emplace_back(width(rng), 38);
        if (prev >= 0) in.edges.emplace_back(prev, i);
        if (i % 6 == 5) {  // a concat
            for (int o : blockOutputs)
                if (o != prev) in.edges.emplace_back(o, i);
            blockOutputs.push_back(i);
            if (blockOutputs.size() > 24) blockOutputs.clear();  // transition layer
        }
        if (i % 11 == 0 && i > 2) in.edges.emplace_back(i - 3, i);  // a few short skips
        prev = i;
    }
    std::sort(in.edges.begin(), in.edges.end());
    in.edges.erase(std::unique(in.edges.begin(), in.edges.end()), in.edges.end());
    return in;
}

QRectF rectOf(const LayoutInput& in, const LayoutResult& r, size_t i) {
    return QRectF(r.centers[i].x - in.sizes[i].first / 2, r.centers[i].y - in.sizes[i].second / 2, in.sizes[i].first, in.sizes[i].second);
}

void checkNoOverlap(const LayoutInput& in, const LayoutResult& r) {
    QCOMPARE(r.centers.size(), in.sizes.size());
    // Sort by left edge and sweep: O(n log n + overlaps).
    std::vector<size_t> order(in.sizes.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return rectOf(in, r, a).left() < rectOf(in, r, b).left(); });
    for (size_t i = 0; i < order.size(); ++i) {
        const QRectF a = rectOf(in, r, order[i]);
        QVERIFY2(a.left() >= -0.5 && a.top() >= -0.5 && a.right() <= r.width + 0.5 && a.bottom() <= r.height + 0.5,
                 qPrintable(QStringLiteral("node %1 outside the bounding box").arg(order[i])));
        for (size_t j = i + 1; j < order.size(); ++j) {
            const QRectF b = rectOf(in, r, order[j]);
            if (b.left() >= a.right()) break;
            QVERIFY2(!a.adjusted(0.5, 0.5, -0.5, -0.5).intersects(b),
                     qPrintable(QStringLiteral("nodes %1 and %2 overlap").arg(order[i]).arg(order[j])));
        }
    }
}

}  // namespace

class LayoutTest : public QObject {
    Q_OBJECT
private slots:
    void layeredLayoutOfDenseDagHasNoOverlaps() {
        const LayoutInput in = denseDag(1000, 7);
        QVERIFY(in.edges.size() > 2000);  // concat-heavy, like DenseNet-201 (2,809 edges)
        const LayoutResult r = layeredLayout(in);
        QCOMPARE(r.engine, std::string("layered"));
        checkNoOverlap(in, r);
        QCOMPARE(r.routes.size(), in.edges.size());
        for (size_t e = 0; e < in.edges.size(); ++e) {
            auto [a, b] = in.edges[e];
            QVERIFY2(r.centers[size_t(b)].y > r.centers[size_t(a)].y, "edges must point down");
            QVERIFY(r.routes[e].size() == 4);
        }
        QVERIFY2(r.ms < 1000, qPrintable(QString::number(r.ms)));
    }

    void autoPicksLayeredForDenseGraphsAndDotForSmallOnes() {
        LayoutCache cache;
        const LayoutInput dense = denseDag(1000, 3);
        auto big = computeLayout(dense, {}, &cache);
        QCOMPARE(big->engine, std::string("layered"));
        QVERIFY(!big->note.empty());
        QCOMPARE(computeLayout(dense, {}, &cache).get(), big.get());  // cached

        const LayoutInput small = denseDag(40, 5);
        LayoutOptions options;
        options.maxDotFanIn = 100;
        options.maxDotEdgesPerNode = 10;
        auto dot = computeLayout(small, options, &cache);
        QCOMPARE(dot->engine, std::string("dot"));
        checkNoOverlap(small, *dot);
        for (const auto& route : dot->routes) QVERIFY(route.size() >= 4 && (route.size() - 1) % 3 == 0);
    }

    void emptyAndSingleNodeGraphs() {
        QVERIFY(layeredLayout({}).centers.empty());
        LayoutInput one;
        one.sizes.emplace_back(100, 30);
        const LayoutResult r = layeredLayout(one);
        QCOMPARE(r.centers.size(), size_t(1));
        QVERIFY(r.width >= 100 && r.height >= 30);
    }
};

QTEST_GUILESS_MAIN(LayoutTest)
#include "layout_test.moc"
