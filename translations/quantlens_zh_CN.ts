<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BenchCharts</name>
    <message>
        <source>n.s.</source>
        <translation>不显著</translation>
    </message>
    <message>
        <source>INT8 speed-up over FP32 (×, log scale), 95% CI</source>
        <translation>INT8 相对 FP32 的加速比（×，对数刻度），95% 置信区间</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>ms per image (median, 95% CI, log scale)</source>
        <translation>每张图像毫秒（中位数，95% 置信区间，对数刻度）</translation>
    </message>
    <message>
        <source>ms per image (median, 95% CI)</source>
        <translation>每张图像毫秒（中位数，95% 置信区间）</translation>
    </message>
    <message>
        <source>INT8 speed-up per model</source>
        <translation>各模型的 INT8 加速比</translation>
    </message>
    <message>
        <source>Latency per image against batch size</source>
        <translation>每张图像延迟随批大小的变化</translation>
    </message>
    <message>
        <source>Latency per image by layout</source>
        <translation>按布局的每张图像延迟</translation>
    </message>
    <message>
        <source>untested</source>
        <translation>未检验</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>inserted by the INT8 plan</source>
        <translation>由 INT8 计划插入</translation>
    </message>
    <message>
        <source>fused from %1</source>
        <translation>融合自 %1</translation>
    </message>
    <message>
        <source>FP32 %1 ms (p10 %2, p90 %3) %4</source>
        <translation>FP32 %1 ms（p10 %2，p90 %3）%4</translation>
    </message>
    <message>
        <source>INT8 %1 ms (p10 %2, p90 %3) %4 %5</source>
        <translation>INT8 %1 ms（p10 %2，p90 %3）%4 %5</translation>
    </message>
    <message>
        <source>speed-up %1×</source>
        <translation>加速比 %1×</translation>
    </message>
    <message>
        <source>FP32</source>
        <translation>FP32</translation>
    </message>
    <message>
        <source>INT8</source>
        <translation>INT8</translation>
    </message>
    <message>
        <source>INT8 inserted step</source>
        <translation>INT8 插入步骤</translation>
    </message>
    <message>
        <source>median ms per run</source>
        <translation>每次运行的中位数 ms</translation>
    </message>
    <message>
        <source>faster in INT8</source>
        <translation>INT8 更快</translation>
    </message>
    <message>
        <source>slower in INT8</source>
        <translation>INT8 更慢</translation>
    </message>
    <message>
        <source>FP32 / INT8 median (×)</source>
        <translation>FP32 / INT8 中位数（×）</translation>
    </message>
    <message>
        <source>1× (no change)</source>
        <translation>1×（无变化）</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Activation arena</source>
        <translation>激活内存池</translation>
    </message>
    <message>
        <source>Liveness lower bound</source>
        <translation>活跃度下界</translation>
    </message>
    <message>
        <source>All activation buffers</source>
        <translation>全部激活缓冲区</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>whole-model ms per run (log scale: max is %1× p90)</source>
        <translation>整个模型每次运行 ms（对数刻度：最大值为 p90 的 %1×）</translation>
    </message>
    <message>
        <source>whole-model ms per run</source>
        <translation>整个模型每次运行 ms</translation>
    </message>
    <message>
        <source>int8 kernels</source>
        <translation>int8 内核</translation>
    </message>
    <message>
        <source>inserted reorders / quantize</source>
        <translation>插入的重排 / 量化</translation>
    </message>
    <message>
        <source>reference fallbacks</source>
        <translation>参考实现回退</translation>
    </message>
    <message>
        <source>layers left in f32</source>
        <translation>保留为 f32 的层</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n step(s))</source>
        <translation>
            <numerusform>%1（%n 个步骤）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 ms in %3 step(s), %4% of the INT8 steps&apos; time</source>
        <translation>%1：%3 个步骤共 %2 ms，占 INT8 步骤时间的 %4%</translation>
    </message>
    <message>
        <source>sum of INT8 step medians, ms (whole-model INT8 median %1 ms)</source>
        <translation>INT8 步骤中位数之和，ms（整个模型 INT8 中位数 %1 ms）</translation>
    </message>
    <message>
        <source>Per-layer latency, FP32 vs INT8</source>
        <translation>逐层延迟，FP32 对比 INT8</translation>
    </message>
    <message>
        <source>Median time per step over the timed runs (the same runs as the whole-model time). Steps the INT8 plan inserted (reorders, quantize/dequantize) have no FP32 counterpart.</source>
        <translation>计时运行中每个步骤的中位时间（与整个模型时间来自相同的运行）。INT8 计划插入的步骤（重排、量化/反量化）没有对应的 FP32 步骤。</translation>
    </message>
    <message>
        <source>Per-layer speed-up (FP32 / INT8)</source>
        <translation>逐层加速比（FP32 / INT8）</translation>
    </message>
    <message>
        <source>Layers that ran in both precisions; above the dashed 1× line INT8 is faster.</source>
        <translation>以两种精度都运行过的层；位于 1× 虚线之上表示 INT8 更快。</translation>
    </message>
    <message>
        <source>Memory: weights and activations</source>
        <translation>内存：权重与激活</translation>
    </message>
    <message>
        <source>Whole-model latency over the repeats</source>
        <translation>整个模型在多次重复中的延迟</translation>
    </message>
    <message>
        <source>Where the INT8 time goes</source>
        <translation>INT8 时间花在哪里</translation>
    </message>
    <message>
        <source>Sum of INT8 step medians by kind of step: int8 kernels, steps the plan inserted, reference-kernel fallbacks and graph layers the INT8 plan runs in f32.</source>
        <translation>按步骤类型汇总的 INT8 步骤中位数：int8 内核、计划插入的步骤、参考内核回退，以及 INT8 计划以 f32 运行的图层。</translation>
    </message>
    <message>
        <source>Exported by QuantLens</source>
        <translation>由 QuantLens 导出</translation>
    </message>
    <message>
        <source>SQNR at or above the line</source>
        <translation>SQNR 在线上或线以上</translation>
    </message>
    <message>
        <source>SQNR below the line</source>
        <translation>SQNR 低于线</translation>
    </message>
    <message>
        <source>SQNR %1 dB, cosine %2</source>
        <translation>SQNR %1 dB，余弦 %2</translation>
    </message>
    <message>
        <source>SQNR (dB), INT8 output vs FP32</source>
        <translation>SQNR（dB），INT8 输出对比 FP32</translation>
    </message>
    <message>
        <source>Per-layer error: SQNR of INT8 against FP32</source>
        <translation>逐层误差：INT8 相对 FP32 的 SQNR</translation>
    </message>
    <message>
        <source>Each layer&apos;s INT8 output (the whole network in INT8, the int8 kernels that ran) against its FP32 output on the profiled inputs; higher is better, below the dashed 20 dB line the layer lost precision that matters.</source>
        <translation>每层的 INT8 输出（整个网络以 INT8 运行，使用实际执行的 int8 内核）与其在被分析输入上的 FP32 输出相比；越高越好，低于 20 dB 虚线表示该层损失了显著精度。</translation>
    </message>
    <message>
        <source>median with its 95% CI</source>
        <translation>中位数及其 95% 置信区间</translation>
    </message>
    <message>
        <source>each timed run</source>
        <translation>每次计时运行</translation>
    </message>
    <message>
        <source>%1 whole model, %2 runs
median %3 ms, 95% CI [%9, %10]
p10 %4 · p90 %5
min %6 · max %7
mean %8 ms</source>
        <translation>%1 整个模型，%2 次运行
中位数 %3 ms，95% 置信区间 [%9, %10]
p10 %4 · p90 %5
最小 %6 · 最大 %7
平均 %8 ms</translation>
    </message>
    <message>
        <source>Box from p10 to p90 with the median line, whiskers from min to max, ◆ the median with its 95% bootstrap interval; the dots beside each box are the timed runs themselves.</source>
        <translation>箱体为 p10 到 p90，中线为中位数，须线为最小到最大值，◆ 为中位数及其 95% 自助法区间；每个箱体旁的点是各次计时运行本身。</translation>
    </message>
    <message>
        <source>int8 kernels (the useful work)</source>
        <translation>int8 内核（有用的工作）</translation>
    </message>
    <message>
        <source>int8 kernels: %1 ms, %2% of the INT8 steps&apos; time. Memory-bound int8 layers are part of it.</source>
        <translation>int8 内核：%1 ms，占 INT8 步骤时间的 %2%。受内存带宽限制的 int8 层包含在内。</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>解决办法：%1</translation>
    </message>
    <message>
        <source>ms per run (INT8 step medians; outside the steps: whole-model mean minus the step means)</source>
        <translation>每次运行的 ms（INT8 步骤中位数；步骤之外：整个模型的均值减去各步骤的均值）</translation>
    </message>
    <message>
        <source>%1 live activations</source>
        <translation>%1 存活的激活</translation>
    </message>
    <message>
        <source>%1 step %2: %3 (%4)%5
live activations %6
arena %7 · liveness bound %8</source>
        <translation>%1 第 %2 步：%3（%4）%5
存活的激活 %6
内存池 %7 · 活跃度下界 %8</translation>
    </message>
    <message>
        <source>, inserted by the plan</source>
        <translation>，由计划插入</translation>
    </message>
    <message>
        <source>%1 planned arena %2</source>
        <translation>%1 计划的内存池 %2</translation>
    </message>
    <message>
        <source>%1 liveness bound %2</source>
        <translation>%1 活跃度下界 %2</translation>
    </message>
    <message>
        <source>step in execution order (each plan&apos;s own steps: INT8 adds reorders and conversions)</source>
        <translation>按执行顺序的步骤（每个计划自己的步骤：INT8 会添加重排和转换）</translation>
    </message>
    <message>
        <source>MiB live</source>
        <translation>存活 MiB</translation>
    </message>
    <message>
        <source>used by the INT8 plan (table / model scales)</source>
        <translation>INT8 计划所用（校准表 / 模型自带的缩放）</translation>
    </message>
    <message>
        <source>used by the INT8 plan (%1)</source>
        <translation>INT8 计划所用（%1）</translation>
    </message>
    <message>
        <source>min/max</source>
        <translation>最小/最大</translation>
    </message>
    <message>
        <source>entropy (KL)</source>
        <translation>熵（KL）</translation>
    </message>
    <message>
        <source>percentile %1</source>
        <translation>百分位 %1</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>均方误差（MSE）</translation>
    </message>
    <message>
        <source>No calibration histogram for this node: select a layer that writes a float activation.</source>
        <translation>此节点没有校准直方图：请选择一个输出浮点激活的层。</translation>
    </message>
    <message>
        <source>%1 (%2), output %3</source>
        <translation>%1（%2），输出 %3</translation>
    </message>
    <message>
        <source>values (%1 seen)</source>
        <translation>数值（共 %1 个）</translation>
    </message>
    <message>
        <source>%1 ≤ x &lt; %2: %3 values (%4% of all)</source>
        <translation>%1 ≤ x &lt; %2：%3 个值（占全部的 %4%）</translation>
    </message>
    <message>
        <source>value of %1 (bin width %2; %3 calibration values)</source>
        <translation>%1 的值（区间宽度 %2；%3 个校准值）</translation>
    </message>
    <message>
        <source>values per bin (log scale)</source>
        <translation>每个区间的数值个数（对数刻度）</translation>
    </message>
    <message>
        <source>No weights for this node: select a convolution or a linear layer.</source>
        <translation>此节点没有权重：请选择卷积层或全连接层。</translation>
    </message>
    <message>
        <source>channel max</source>
        <translation>通道最大值</translation>
    </message>
    <message>
        <source>channel min</source>
        <translation>通道最小值</translation>
    </message>
    <message>
        <source>per-channel int8 range (± scale × 127)</source>
        <translation>逐通道 int8 范围（± 缩放 × 127）</translation>
    </message>
    <message>
        <source>output channel %1: min %2, max %3
per-channel int8 range ±%4 (scale %5)
per-tensor range ±%6: this channel would use %7% of the int8 levels</source>
        <translation>输出通道 %1：最小 %2，最大 %3
逐通道 int8 范围 ±%4（缩放 %5）
逐张量范围 ±%6：该通道只会用到 %7% 的 int8 量化级</translation>
    </message>
    <message>
        <source>per-tensor int8 range ±%1</source>
        <translation>逐张量 int8 范围 ±%1</translation>
    </message>
    <message>
        <source>%1 (%2), weight %3: %4 output channels; %5</source>
        <translation>%1（%2），权重 %3：%4 个输出通道；%5</translation>
    </message>
    <message>
        <source>this run quantized them per tensor</source>
        <translation>本次运行按张量量化</translation>
    </message>
    <message>
        <source>this run quantized them per channel</source>
        <translation>本次运行按通道量化</translation>
    </message>
    <message>
        <source>per tensor, the median channel would use %1% of the int8 levels (%2 bits lost on average)</source>
        <translation>若按张量量化，中位通道只会用到 %1% 的 int8 量化级（平均损失 %2 位）</translation>
    </message>
    <message>
        <source>output channels, widest range first</source>
        <translation>输出通道，范围最宽的在前</translation>
    </message>
    <message>
        <source>output channel</source>
        <translation>输出通道</translation>
    </message>
    <message>
        <source>float weight value</source>
        <translation>浮点权重值</translation>
    </message>
    <message>
        <source>Weights as the kernels hold them; the planned activation arena next to the liveness lower bound (the most bytes simultaneously live) and the sum of all activation buffers.</source>
        <translation>内核所持有的权重；计划的激活内存池、活跃度下界（同时存活的最大字节数）以及所有激活缓冲区之和。</translation>
    </message>
    <message>
        <source>Where the INT8 time goes, by cause</source>
        <translation>INT8 时间花在哪里（按原因）</translation>
    </message>
    <message>
        <source>Live activation memory over the steps</source>
        <translation>各步骤的存活激活内存</translation>
    </message>
    <message>
        <source>Bytes of the activation buffers the plan keeps alive at each step, in execution order, with the planned arena (dashed) and the liveness bound, the curve&apos;s maximum (dotted): the gap between them is what the arena planner loses to fragmentation. Graph inputs and weights are not counted.</source>
        <translation>计划在每个步骤中保持存活的激活缓冲区字节数（按执行顺序），以及计划的内存池（虚线）和活跃度下界即曲线最大值（点线）：两者之间的差距就是内存池规划因碎片化而损失的部分。不计图输入和权重。</translation>
    </message>
    <message>
        <source>Activation histogram and calibration ranges</source>
        <translation>激活直方图与校准范围</translation>
    </message>
    <message>
        <source>The selected layer&apos;s output values on the calibration inputs (the observers&apos; histogram, log counts), with the range each calibration method derives from it and the range the INT8 plan used: what a method clips lies outside its lines; a wide range spends int8 levels on rare outliers.</source>
        <translation>所选层在校准输入上的输出值（观察器的直方图，对数计数），以及每种校准方法由此得出的范围和 INT8 计划所用的范围：方法截断的部分位于其线条之外；范围过宽会把 int8 量化级浪费在罕见的离群值上。</translation>
    </message>
    <message>
        <source>Per-channel weight ranges</source>
        <translation>逐通道权重范围</translation>
    </message>
    <message>
        <source>The selected layer&apos;s float weights per output channel (bars: min and max), the per-channel int8 range (scale × 127) and the per-tensor one (dashed): channels far inside the dashed lines would waste int8 levels if the weights were quantized per tensor.</source>
        <translation>所选层每个输出通道的浮点权重（条形：最小值和最大值）、逐通道 int8 范围（缩放 × 127）以及逐张量范围（虚线）：远在虚线以内的通道在按张量量化时会浪费 int8 量化级。</translation>
    </message>
    <message>
        <source>20 dB (below: precision lost)</source>
        <translation>20 dB（低于此值：精度受损）</translation>
    </message>
    <message>
        <source>The INT8 diagnosis: milliseconds per cause that is not int8 kernels doing int8 work, largest on top, with the int8 kernels themselves for scale (memory-bound layers are part of them).</source>
        <translation>INT8 诊断：每个原因（不是 int8 内核在做 int8 计算的部分）所占的毫秒数，最大的在上方，并附 int8 内核本身作为参照（受内存带宽限制的层属于其中）。</translation>
    </message>
    <message>
        <source>Hover a bar for what happens and the fix; click it to select its most expensive node.</source>
        <translation>悬停条形可查看发生了什么及解决办法；点击可选中其最耗时的节点。</translation>
    </message>
</context>
<context>
    <name>CpuStatus</name>
    <message>
        <source>oneDNN unavailable</source>
        <translation>oneDNN 不可用</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 · %n thread(s) · oneDNN %4</source>
        <translation>
            <numerusform>%1 · %2 · %3 · %n 个线程 · oneDNN %4</numerusform>
        </translation>
    </message>
    <message>
        <source>no VNNI (7-bit int8)</source>
        <translation>无 VNNI（7 位 int8）</translation>
    </message>
    <message>
        <source>CPU: %1
ISA oneDNN dispatches to: %2
int8 VNNI: %3
threads: %4
oneDNN: %5 on %6</source>
        <translation>CPU：%1
oneDNN 使用的指令集：%2
int8 VNNI：%3
线程：%4
oneDNN：%5（运行于 %6）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>Diagnosis</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>Unfolded Q/DQ nodes</source>
        <translation>未折叠的 Q/DQ 节点</translation>
    </message>
    <message>
        <source>Reference-kernel fallbacks</source>
        <translation>回退到参考内核</translation>
    </message>
    <message>
        <source>FP32 islands</source>
        <translation>FP32 孤岛</translation>
    </message>
    <message>
        <source>Layout reorders</source>
        <translation>布局重排</translation>
    </message>
    <message>
        <source>Quantize/dequantize at the edges</source>
        <translation>边缘处的量化/反量化</translation>
    </message>
    <message>
        <source>Memory-bound int8 layers</source>
        <translation>受内存带宽限制的 int8 层</translation>
    </message>
    <message>
        <source>Outside the steps</source>
        <translation>步骤之外</translation>
    </message>
    <message>
        <source>No VNNI</source>
        <translation>无 VNNI</translation>
    </message>
    <message>
        <source>7-bit activations</source>
        <translation>7 位激活</translation>
    </message>
    <message>
        <source>Batch 1</source>
        <translation>批大小 1</translation>
    </message>
    <message>
        <source>FP32 reorders of a forced layout</source>
        <translation>强制布局导致的 FP32 重排</translation>
    </message>
    <message numerus="yes">
        <source>%n QuantizeLinear/DequantizeLinear node(s) of the model run as separate steps (%1): %2 of %3. The QDQ pattern was not folded into int8 kernels, so the layers between them compute in f32.</source>
        <translation>
            <numerusform>模型的 %n 个 QuantizeLinear/DequantizeLinear 节点作为单独步骤运行（%1）：%3 中的 %2。QDQ 模式没有折叠进 int8 内核，因此它们之间的层以 f32 计算。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) ran on QuantLens&apos; reference kernels (%1): %2. Ops: %3.</source>
        <translation>
            <numerusform>%n 个节点在 QuantLens 的参考内核上运行（%1）：%2。算子：%3。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) stay in f32 between int8 layers (%1; op %2): %3 including the dequantize/quantize steps around them.</source>
        <translation>
            <numerusform>%n 个层在 int8 层之间保持 f32（%1；算子 %2）：%3，包括其前后的反量化/量化步骤。</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan note: %1</source>
        <translation>计划说明：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n layout reorder(s) inserted between primitives (%1): %2.</source>
        <translation>
            <numerusform>在原语之间插入了 %n 个布局重排（%1）：%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>The layout is forced to %1, which the kernels do not all prefer.</source>
        <translation>布局被强制为 %1，并非所有内核都偏好它。</translation>
    </message>
    <message numerus="yes">
        <source>%n quantize/dequantize step(s) not next to an f32 layer, mostly at the model&apos;s inputs and outputs (%1): %2.</source>
        <translation>
            <numerusform>%n 个量化/反量化步骤不紧邻 f32 层，大多位于模型的输入和输出处（%1）：%2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n int8 layer(s) are memory-bound (under 16 MACs per byte of output and weights: pooling, depthwise and small pointwise convolutions, adds; %1): %2, %3× faster than their FP32 steps.</source>
        <translation>
            <numerusform>%n 个 int8 层受内存带宽限制（每字节输出和权重少于 16 次乘加：池化、深度卷积和小型逐点卷积、加法；%1）：%2，比其 FP32 步骤快 %3×。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per run is outside the steps (the whole-model mean minus the step means: executor overhead, thread wake-up between steps).</source>
        <translation>每次运行有 %1 位于步骤之外（整个模型的均值减去各步骤的均值：执行器开销、步骤之间的线程唤醒）。</translation>
    </message>
    <message>
        <source>7-bit activations were forced on a CPU with VNNI: the precision is lower at no speed gain.</source>
        <translation>在支持 VNNI 的 CPU 上强制使用了 7 位激活：精度更低，却没有速度收益。</translation>
    </message>
    <message>
        <source>No VNNI on this ISA (%1): int8 dot products go through 16-bit intermediate sums, with 7-bit activations to avoid their saturation, so int8 convolutions gain about half of what they gain with VNNI.</source>
        <translation>此指令集（%1）没有 VNNI：int8 点积经过 16 位中间和，并使用 7 位激活以避免其饱和，因此 int8 卷积的收益约为有 VNNI 时的一半。</translation>
    </message>
    <message>
        <source>No VNNI on this ISA (%1): int8 dot products go through 16-bit intermediate sums, so int8 convolutions gain about half of what they gain with VNNI.</source>
        <translation>此指令集（%1）没有 VNNI：int8 点积经过 16 位中间和，因此 int8 卷积的收益约为有 VNNI 时的一半。</translation>
    </message>
    <message>
        <source>Batch 1: memory-bound layers take %1% of the INT8 time.</source>
        <translation>批大小 1：受内存带宽限制的层占 INT8 时间的 %1%。</translation>
    </message>
    <message numerus="yes">
        <source>The layout is forced to %1: the FP32 plan pays %n reorder(s) for it (%2 of %3), so the speed-up is measured against a slowed FP32.</source>
        <translation>
            <numerusform>布局被强制为 %1：FP32 计划为此付出了 %n 次重排（%3 中的 %2），因此加速比是相对于被拖慢的 FP32 测得的。</numerusform>
        </translation>
    </message>
    <message>
        <source>Run the float model and let QuantLens calibrate it, or fold DequantizeLinear → op → QuantizeLinear into the op&apos;s int8 kernel.</source>
        <translation>运行浮点模型并让 QuantLens 校准它，或把 DequantizeLinear → 算子 → QuantizeLinear 折叠进该算子的 int8 内核。</translation>
    </message>
    <message>
        <source>A oneDNN kernel for these ops (or an equivalent op the exporter can emit).</source>
        <translation>为这些算子提供 oneDNN 内核（或导出器可以生成的等价算子）。</translation>
    </message>
    <message>
        <source>These ops run int8 elsewhere in this plan: what keeps these in f32 is around them (unfolded QDQ nodes, an FP32 fallback entry, a value without a calibration range).</source>
        <translation>这些算子在本计划的其他位置以 int8 运行：让它们保持 f32 的原因在其周围（未折叠的 QDQ 节点、FP32 回退条目、没有校准范围的值）。</translation>
    </message>
    <message>
        <source>An int8 kernel for %1, or take them out of the FP32 fallback list if they are in it.</source>
        <translation>为 %1 提供 int8 内核；如果它们在 FP32 回退列表中，则将其移出。</translation>
    </message>
    <message>
        <source>Keep adjacent layers in one memory format.</source>
        <translation>让相邻层保持同一种内存格式。</translation>
    </message>
    <message>
        <source>--layout auto lets each primitive choose its format.</source>
        <translation>使用 --layout auto，让每个原语自行选择格式。</translation>
    </message>
    <message>
        <source>Unavoidable at the edges of an f32 model (a pipeline that feeds int8 input skips the first); elsewhere, give both sides one scale.</source>
        <translation>在 f32 模型的边缘不可避免（直接输入 int8 的流水线可省去第一个）；在其他位置，让两侧共用一个缩放。</translation>
    </message>
    <message>
        <source>INT8 helps these only through 4× smaller tensors; fusing them into neighbouring convolutions or larger batches does more.</source>
        <translation>INT8 对这些层的帮助仅来自 4× 更小的张量；把它们融合进相邻卷积或使用更大的批次效果更好。</translation>
    </message>
    <message>
        <source>More work per step (larger batch) or fewer steps (fusion).</source>
        <translation>每步更多工作（更大的批次）或更少的步骤（融合）。</translation>
    </message>
    <message>
        <source>A CPU with AVX512-VNNI or AVX-VNNI (or --max-isa none to check whether it was capped).</source>
        <translation>使用支持 AVX512-VNNI 或 AVX-VNNI 的 CPU（或用 --max-isa none 检查是否被限制）。</translation>
    </message>
    <message>
        <source>--seven-bit auto</source>
        <translation>--seven-bit auto</translation>
    </message>
    <message>
        <source>A larger batch reuses each weight more and makes the convolutions compute-bound.</source>
        <translation>更大的批次让每个权重被更多地复用，使卷积变为计算受限。</translation>
    </message>
    <message>
        <source>--layout auto, so that each precision runs in the formats its kernels prefer.</source>
        <translation>--layout auto，使每种精度都以其内核偏好的格式运行。</translation>
    </message>
    <message>
        <source>Only one precision ran: no FP32 vs INT8 diagnosis.</source>
        <translation>只运行了一种精度：没有 FP32 与 INT8 的诊断。</translation>
    </message>
    <message>
        <source>INT8 %1 vs FP32 %2 (%3×); int8 kernels %4 of the %5 INT8 steps (%6%)</source>
        <translation>INT8 %1 对比 FP32 %2（%3×）；int8 内核占 INT8 步骤 %5 中的 %4（%6%）</translation>
    </message>
    <message>
        <source>Why INT8 is faster, and what it still pays for: %1</source>
        <translation>为什么 INT8 更快，以及它仍在为什么付出代价：%1</translation>
    </message>
    <message>
        <source>Why INT8 is not faster: %1</source>
        <translation>为什么 INT8 没有更快：%1</translation>
    </message>
</context>
<context>
    <name>HtmlReport</name>
    <message>
        <source>Whole model (median): FP32 %1 ms · INT8 %2 ms</source>
        <translation>整个模型（中位数）：FP32 %1 ms · INT8 %2 ms</translation>
    </message>
    <message>
        <source>speed-up %1×</source>
        <translation>加速比 %1×</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Layers (fused graph nodes that ran)</source>
        <translation>层（已运行的融合图节点）</translation>
    </message>
    <message>
        <source>Steps the INT8 plan inserted</source>
        <translation>INT8 计划插入的步骤</translation>
    </message>
    <message>
        <source>INT8 reference-kernel fallbacks</source>
        <translation>INT8 参考内核回退</translation>
    </message>
    <message>
        <source>Multiply-accumulates per run</source>
        <translation>每次运行的乘加次数</translation>
    </message>
    <message>
        <source>Weights FP32</source>
        <translation>权重 FP32</translation>
    </message>
    <message>
        <source>Weights INT8</source>
        <translation>权重 INT8</translation>
    </message>
    <message>
        <source>How INT8 was obtained</source>
        <translation>INT8 的获得方式</translation>
    </message>
    <message>
        <source>Fusion passes</source>
        <translation>融合阶段</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Profiled on</source>
        <translation>分析时间</translation>
    </message>
    <message>
        <source>%1 as run</source>
        <translation>%1（按实际运行）</translation>
    </message>
    <message>
        <source>, 7-bit activations</source>
        <translation>，7 位激活</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>运行设置</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>ISA oneDNN dispatches to</source>
        <translation>oneDNN 使用的指令集</translation>
    </message>
    <message>
        <source>INT8 VNNI</source>
        <translation>INT8 VNNI</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no (u8×s8 through 16-bit saturating products)</source>
        <translation>否（u8×s8 通过 16 位饱和乘积）</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>oneDNN</source>
        <translation>oneDNN</translation>
    </message>
    <message>
        <source>Peak resident memory</source>
        <translation>峰值常驻内存</translation>
    </message>
    <message>
        <source>Whole-model latency (ms)</source>
        <translation>整个模型延迟（ms）</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <source>p10</source>
        <translation>p10</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>sd</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Σ step medians</source>
        <translation>Σ 步骤中位数</translation>
    </message>
    <message>
        <source>outside steps</source>
        <translation>步骤之外</translation>
    </message>
    <message>
        <source>Warm-up %1, %2 timed runs; per-step times come from the same runs. &quot;Outside steps&quot; = (whole mean − Σ step means) / whole mean.</source>
        <translation>预热 %1 次，计时运行 %2 次；各步骤时间来自相同的运行。“步骤之外” =（整体均值 − Σ 步骤均值）/ 整体均值。</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Outputs: INT8 against FP32</source>
        <translation>输出：INT8 对比 FP32</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <source>SQNR dB</source>
        <translation>SQNR dB</translation>
    </message>
    <message>
        <source>max |error|</source>
        <translation>最大 |误差|</translation>
    </message>
    <message>
        <source>same top-1</source>
        <translation>top-1 相同</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>top-1</source>
        <translation>top-1</translation>
    </message>
    <message>
        <source>top-5</source>
        <translation>top-5</translation>
    </message>
    <message>
        <source>images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>split</source>
        <translation>数据划分</translation>
    </message>
    <message>
        <source>int8 kernels</source>
        <translation>int8 内核</translation>
    </message>
    <message>
        <source>inserted reorders / quantize</source>
        <translation>插入的重排 / 量化</translation>
    </message>
    <message>
        <source>reference fallbacks</source>
        <translation>参考实现回退</translation>
    </message>
    <message>
        <source>layers left in f32</source>
        <translation>保留为 f32 的层</translation>
    </message>
    <message>
        <source>Where the INT8 time goes</source>
        <translation>INT8 时间花在哪里</translation>
    </message>
    <message>
        <source>Kind of step</source>
        <translation>步骤类型</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步骤数</translation>
    </message>
    <message>
        <source>Σ medians ms</source>
        <translation>Σ 中位数 ms</translation>
    </message>
    <message>
        <source>share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>ISA %1, %2%3.</source>
        <translation>指令集 %1，%2%3。</translation>
    </message>
    <message>
        <source>VNNI</source>
        <translation>VNNI</translation>
    </message>
    <message>
        <source>no VNNI</source>
        <translation>无 VNNI</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message numerus="yes">
        <source>Per-layer results (%n row(s), INT8 plan order)</source>
        <translation>
            <numerusform>逐层结果（%n 行，按 INT8 计划顺序）</numerusform>
        </translation>
    </message>
    <message>
        <source>Medians in ms; weights and output in KiB; impl, format and dtype as the INT8 plan runs the step (FP32 when it has no INT8 step). Rows in brown were inserted by the plan.</source>
        <translation>中位数单位为 ms；权重和输出单位为 KiB；实现、格式和数据类型按 INT8 计划运行该步骤的方式（没有 INT8 步骤时为 FP32）。棕色行为计划插入。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Fused from</source>
        <translation>融合自</translation>
    </message>
    <message>
        <source>FP32 ms</source>
        <translation>FP32 ms</translation>
    </message>
    <message>
        <source>INT8 ms</source>
        <translation>INT8 ms</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>MMACs</source>
        <translation>MMACs</translation>
    </message>
    <message>
        <source>Weights KiB</source>
        <translation>权重 KiB</translation>
    </message>
    <message>
        <source>Output KiB</source>
        <translation>输出 KiB</translation>
    </message>
    <message>
        <source>Impl</source>
        <translation>实现</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>QuantLens report: %1</source>
        <translation>QuantLens 报告：%1</translation>
    </message>
    <message>
        <source>no run result to report</source>
        <translation>没有可报告的运行结果</translation>
    </message>
    <message>
        <source>%1 exists; not overwritten</source>
        <translation>%1 已存在；未覆盖</translation>
    </message>
    <message>
        <source>cannot render the report for %1</source>
        <translation>无法为 %1 生成报告</translation>
    </message>
    <message>
        <source>95% CI of median</source>
        <translation>中位数的 95% 置信区间</translation>
    </message>
    <message>
        <source>Why INT8 is faster, and what it still pays for</source>
        <translation>为什么 INT8 更快，以及它仍在为什么付出代价</translation>
    </message>
    <message>
        <source>Why INT8 is not faster</source>
        <translation>为什么 INT8 没有更快</translation>
    </message>
    <message>
        <source>Nodes: %1</source>
        <translation>节点：%1</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>解决办法：%1</translation>
    </message>
    <message>
        <source>Nothing but int8 kernels: the INT8 time is the kernels&apos; own.</source>
        <translation>只有 int8 内核：INT8 时间就是内核本身的时间。</translation>
    </message>
    <message>
        <source>Calibration ranges and weight channels of the convolutions and linear layers with the worst SQNR: where an INT8 error starts, a clipped or too wide range or a per-tensor weight scale is the first suspect. The app shows them for any selected layer.</source>
        <translation>SQNR 最差的卷积层和全连接层的校准范围与权重通道：在 INT8 误差开始出现的地方，被截断或过宽的范围、或逐张量的权重缩放是首要嫌疑。应用程序可为任何选中的层显示它们。</translation>
    </message>
    <message>
        <source>Calibration ranges and weight channels of the convolutions and linear layers whose INT8 range clips most of the observed one: where the choice of method matters most. The app shows them for any selected layer.</source>
        <translation>INT8 范围对观测范围截断最多的卷积层和全连接层的校准范围与权重通道：这正是方法选择最重要的地方。应用程序可为任何选中的层显示它们。</translation>
    </message>
    <message>
        <source>OpenMP runtime</source>
        <translation>OpenMP 运行时库</translation>
    </message>
    <message>
        <source>Load average (1 minute) after the run</source>
        <translation>运行后的系统负载（1 分钟）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Warning: the load average was %1 with %2 thread(s): other processes competed for the cores, so these timings are not trustworthy. Profile again on a quiet machine.</source>
        <translation>警告：系统负载为 %1，运行使用 %2 个线程：其他进程在争用这些核心，因此这些计时不可信。请在空闲的机器上重新分析。</translation>
    </message>
    <message>
        <source>SQNR: the layer&apos;s INT8 output against its FP32 output with the whole network in INT8, in dB; below 20 dB in red.</source>
        <translation>SQNR：整个网络以 INT8 运行时，该层 INT8 输出相对其 FP32 输出的信噪比（dB）；低于 20 dB 以红色显示。</translation>
    </message>
    <message>
        <source>%1: a report is written as HTML (.html, .htm) or PDF (.pdf); name the file so</source>
        <translation>%1：报告只能写成 HTML（.html、.htm）或 PDF（.pdf）；请使用相应的文件扩展名</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>NodeDescription</name>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n 个节点</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s), %1 bytes</source>
        <translation>
            <numerusform>%n 个张量，%1 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>(omitted)</source>
        <translation>（省略）</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>present</source>
        <translation>有</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>fused from</source>
        <translation>融合自</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>elements</source>
        <translation>元素数</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>字节</translation>
    </message>
</context>
<context>
    <name>OpKind</name>
    <message>
        <source>convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>matmul / gemm</source>
        <translation>矩阵乘 / GEMM</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>pooling</source>
        <translation>池化</translation>
    </message>
    <message>
        <source>normalization</source>
        <translation>归一化</translation>
    </message>
    <message>
        <source>elementwise</source>
        <translation>逐元素</translation>
    </message>
    <message>
        <source>tensor / shape</source>
        <translation>张量 / 形状</translation>
    </message>
    <message>
        <source>quantize / dequantize</source>
        <translation>量化 / 反量化</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ResultHeader</name>
    <message>
        <source>&lt;span style=&apos;color:#555&apos;&gt;Settings: %1 · inputs: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#555&apos;&gt;设置：%1 · 输入：%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Whole model (median):&lt;/b&gt; FP32 %1 ms · INT8 %2 ms</source>
        <translation>&lt;b&gt;整个模型（中位数）：&lt;/b&gt;FP32 %1 ms · INT8 %2 ms</translation>
    </message>
    <message>
        <source> · &lt;b style=&apos;color:%1&apos;&gt;speed-up %2×&lt;/b&gt;</source>
        <translation> · &lt;b style=&apos;color:%1&apos;&gt;加速比 %2×&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · INT8 steps sum %1 ms</source>
        <translation> · INT8 步骤合计 %1 ms</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outputs INT8 vs FP32&lt;/b&gt; (%1): cosine %2 · SQNR %3 dB · same top-1: %4</source>
        <translation>&lt;b&gt;输出 INT8 对比 FP32&lt;/b&gt;（%1）：余弦 %2 · SQNR %3 dB · top-1 相同：%4</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>&lt;b&gt;no&lt;/b&gt;</source>
        <translation>&lt;b&gt;否&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy&lt;/b&gt; (%1 images of %2): FP32 top-1 %3% top-5 %4% · INT8 top-1 %5% top-5 %6%</source>
        <translation>&lt;b&gt;准确率&lt;/b&gt;（%2 中的 %1 张图像）：FP32 top-1 %3% top-5 %4% · INT8 top-1 %5% top-5 %6%</translation>
    </message>
    <message>
        <source>random inputs, seed %1</source>
        <translation>随机输入，种子 %1</translation>
    </message>
    <message>
        <source>t10k images %1..%2</source>
        <translation>t10k 图像 %1..%2</translation>
    </message>
</context>
<context>
    <name>RunDigest</name>
    <message>
        <source>Only one precision ran, so there is no FP32 vs INT8 answer.</source>
        <translation>只运行了一种精度，因此无法比较 FP32 与 INT8。</translation>
    </message>
    <message>
        <source>with VNNI on %1</source>
        <translation>在 %1 上使用 VNNI</translation>
    </message>
    <message>
        <source>without VNNI on %1%2</source>
        <translation>在 %1 上没有 VNNI%2</translation>
    </message>
    <message>
        <source>, so activations are 7-bit</source>
        <translation>，因此激活为 7 位</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n inserted reorder/quantize step(s)</source>
        <translation>
            <numerusform>%1 用于 %n 个插入的重排/量化步骤</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n reference fallback(s)</source>
        <translation>
            <numerusform>%1 用于 %n 个参考实现回退</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n layer(s) left in f32</source>
        <translation>
            <numerusform>%1 用于 %n 个保留为 f32 的层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of INT8 time is in %n int8 kernel(s)</source>
        <translation>
            <numerusform>INT8 时间的 %1 用于 %n 个 int8 内核</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes: INT8 is %1× faster here; %2 %3%4.</source>
        <translation>是：INT8 在此快 %1×；%2，%3%4。</translation>
    </message>
    <message>
        <source>, the rest: %1</source>
        <translation>，其余：%1</translation>
    </message>
    <message>
        <source>No real gain: INT8 runs at %1× of FP32; %2 %3%4.</source>
        <translation>没有实际收益：INT8 的速度为 FP32 的 %1×；%2，%3%4。</translation>
    </message>
    <message>
        <source>, while %1</source>
        <translation>，而 %1</translation>
    </message>
    <message>
        <source>No: INT8 is slower here (%1× of FP32): %2; %3 %4.</source>
        <translation>否：INT8 在此更慢（为 FP32 的 %1×）：%2；%3，%4。</translation>
    </message>
    <message>
        <source>of INT8 time, %1</source>
        <translation>INT8 时间中，%1</translation>
    </message>
    <message>
        <source>its int8 kernels themselves are not faster than FP32&apos;s at this size</source>
        <translation>在此规模下其 int8 内核本身并不比 FP32 内核快</translation>
    </message>
    <message>
        <source>Not certain: </source>
        <translation>不确定：</translation>
    </message>
    <message>
        <source>INT8&apos;s median is %1× faster, but the p10–p90 spreads overlap (the runs varied that much); %2 %3%4.</source>
        <translation>INT8 的中位数快 %1×，但 p10–p90 区间重叠（各次运行波动很大）；%2 %3%4。</translation>
    </message>
    <message>
        <source>INT8&apos;s median is slower (%1× of FP32), but the p10–p90 spreads overlap (the runs varied that much): %2; %3 %4.</source>
        <translation>INT8 的中位数更慢（FP32 的 %1×），但 p10–p90 区间重叠（各次运行波动很大）：%2；%3 %4。</translation>
    </message>
</context>
<context>
    <name>RunSettings</name>
    <message>
        <source>asymmetric u8</source>
        <translation>非对称 u8</translation>
    </message>
    <message>
        <source>symmetric s8</source>
        <translation>对称 s8</translation>
    </message>
    <message>
        <source>7-bit auto</source>
        <translation>7 位自动</translation>
    </message>
    <message>
        <source>7-bit on</source>
        <translation>7 位开</translation>
    </message>
    <message>
        <source>7-bit off</source>
        <translation>7 位关</translation>
    </message>
    <message>
        <source>layout %1</source>
        <translation>布局 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n 个线程</numerusform>
        </translation>
    </message>
    <message>
        <source>threads: all cores</source>
        <translation>线程：全部核心</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>批大小 %1</translation>
    </message>
    <message>
        <source>%1+%2 runs</source>
        <translation>%1+%2 次运行</translation>
    </message>
    <message>
        <source>ISA ≤ %1</source>
        <translation>指令集 ≤ %1</translation>
    </message>
    <message>
        <source>FP32: %1</source>
        <translation>FP32：%1</translation>
    </message>
    <message>
        <source>accuracy on %1 images</source>
        <translation>在 %1 张图像上测准确率</translation>
    </message>
    <message>
        <source>accuracy on t10k</source>
        <translation>在 t10k 上测准确率</translation>
    </message>
    <message>
        <source>weights per tensor</source>
        <translation>权重按张量</translation>
    </message>
    <message>
        <source>weights per channel</source>
        <translation>权重按通道</translation>
    </message>
    <message>
        <source>kernels timed</source>
        <translation>已测定内核</translation>
    </message>
    <message>
        <source>row bands off</source>
        <translation>行带关闭</translation>
    </message>
    <message>
        <source>%1 on the profiled inputs</source>
        <translation>%1（基于被分析的输入）</translation>
    </message>
</context>
<context>
    <name>SafeWrite</name>
    <message>
        <source>no file name given</source>
        <translation>未指定文件名</translation>
    </message>
    <message>
        <source>%1 exists; not overwritten</source>
        <translation>%1 已存在；未覆盖</translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation>%1 是文件夹</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>QuantLens: int8 quantization profiler for ONNX classifiers</source>
        <translation>QuantLens：ONNX 分类模型的 int8 量化性能分析器</translation>
    </message>
    <message>
        <source>ONNX model to open</source>
        <translation>要打开的 ONNX 模型</translation>
    </message>
    <message>
        <source>Save a PNG of the main window once the graphs are drawn (after the results with --run).</source>
        <translation>图绘制完成后保存主窗口的 PNG（使用 --run 时在结果出来之后）。</translation>
    </message>
    <message>
        <source>Exit after opening (and the screenshot).</source>
        <translation>打开（并截图）后退出。</translation>
    </message>
    <message>
        <source>Also measure top-1/top-5 on this Fashion-MNIST IDX folder.</source>
        <translation>同时在此 Fashion-MNIST IDX 文件夹上测量 top-1/top-5。</translation>
    </message>
    <message>
        <source>Run FP32 vs INT8 once the model is open.</source>
        <translation>模型打开后运行 FP32 对比 INT8。</translation>
    </message>
    <message>
        <source>With --run: write the report (FILE.html or FILE.pdf) once the results are in.</source>
        <translation>与 --run 一起使用：结果出来后写入报告（FILE.html 或 FILE.pdf）。</translation>
    </message>
    <message>
        <source>expected at most one model, got %1</source>
        <translation>最多只能指定一个模型，实际为 %1 个</translation>
    </message>
    <message>
        <source>--run needs a model</source>
        <translation>--run 需要一个模型</translation>
    </message>
    <message>
        <source>--report needs --run</source>
        <translation>--report 需要 --run</translation>
    </message>
    <message>
        <source>Open this `quantlens-cli bench` output folder in the Benchmark window (the screenshot is then of that window).</source>
        <translation>在基准测试窗口中打开此 `quantlens-cli bench` 输出文件夹（截图随后为该窗口）。</translation>
    </message>
    <message>
        <source>With --run: show this chart in the Charts tab once the results are in (layer-latency, int8-causes, memory-timeline, activation-histogram, weight-channels, ...), for the screenshot; per-layer charts show the slowest layer.</source>
        <translation>配合 --run：结果出来后在“图表”标签页中显示此图表（layer-latency、int8-causes、memory-timeline、activation-histogram、weight-channels 等），用于截图；逐层图表显示最慢的层。</translation>
    </message>
    <message>
        <source>--chart needs --run</source>
        <translation>--chart 需要 --run</translation>
    </message>
    <message>
        <source>--chart %1: no such chart; one of %2</source>
        <translation>--chart %1：没有这个图表；可选：%2</translation>
    </message>
    <message>
        <source>Replace existing --report and --screenshot files.</source>
        <translation>替换已存在的 --report 和 --screenshot 文件。</translation>
    </message>
    <message>
        <source>--screenshot %1: not an image file name (.png, .jpg, .bmp, ...)</source>
        <translation>--screenshot %1：不是图像文件名（.png、.jpg、.bmp 等）</translation>
    </message>
</context>
<context>
    <name>ql::gui::BenchPage</name>
    <message>
        <source>Open a benchmark folder</source>
        <translation>打开基准测试文件夹</translation>
    </message>
    <message>
        <source>Open benchmark...</source>
        <translation>打开基准测试…</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>精度：</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批：</translation>
    </message>
    <message>
        <source>Plot:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>No benchmark open. Run `quantlens-cli bench ... --out DIR`, then open DIR here.</source>
        <translation>尚未打开基准测试。运行 `quantlens-cli bench ... --out DIR`，然后在此打开 DIR。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, oneDNN ISA %3%4, oneDNN %5, quantlens %6&lt;br&gt;%7 trials per configuration (fresh processes), %8 warm-up + %9 timed runs each; shards %10%11. Intervals: 95% two-level bootstrap; p: Welch&apos;s t on log trial medians, Holm-corrected.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2，oneDNN ISA %3%4，oneDNN %5，quantlens %6&lt;br&gt;每个配置 %7 次试验（每次新进程），每次 %8 次预热 + %9 次计时运行；分片 %10%11。区间：两级自助法 95%；p：对试验中位数取对数的 Welch t 检验，经 Holm 校正。</translation>
    </message>
    <message>
        <source> (VNNI)</source>
        <translation>（VNNI）</translation>
    </message>
    <message>
        <source> (no VNNI)</source>
        <translation>（无 VNNI）</translation>
    </message>
    <message>
        <source> — incomplete</source>
        <translation> — 不完整</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>ql::gui::BenchTableModel</name>
    <message>
        <source>Welch&apos;s t on log trial medians: p = %1 (df %2); Mann-Whitney U on trial medians: p = %3; Holm-corrected over %4 pair(s)</source>
        <translation>对试验中位数取对数的 Welch t 检验：p = %1（自由度 %2）；试验中位数的 Mann-Whitney U 检验：p = %3；在 %4 对上做 Holm 校正</translation>
    </message>
    <message>
        <source> (7-bit)</source>
        <translation>（7 位）</translation>
    </message>
    <message>
        <source>n/a (1 trial)</source>
        <translation>不适用（1 次试验）</translation>
    </message>
    <message>
        <source>%1 (n.s.)</source>
        <translation>%1（不显著）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>执行器</translation>
    </message>
    <message>
        <source>Trials × runs</source>
        <translation>试验 × 运行</translation>
    </message>
    <message>
        <source>ms / image</source>
        <translation>毫秒 / 图像</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <source>Images / s</source>
        <translation>图像 / 秒</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>Speed-up 95% CI</source>
        <translation>加速比 95% 置信区间</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p（Holm）</translation>
    </message>
    <message>
        <source>Weights MiB</source>
        <translation>权重 MiB</translation>
    </message>
    <message>
        <source>Peak RSS MiB</source>
        <translation>峰值 RSS MiB</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
</context>
<context>
    <name>ql::gui::ChartsPanel</name>
    <message>
        <source>Layers:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>execution order</source>
        <translation>执行顺序</translation>
    </message>
    <message>
        <source>sorted (slowest / lowest speed-up first)</source>
        <translation>排序（最慢 / 加速比最低在前）</translation>
    </message>
    <message>
        <source>Export PNG...</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Export SVG...</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <source>Run FP32 vs INT8 (Ctrl+R) to see per-layer latency, speed-up and error, where the INT8 time goes and why, the whole-model latency spread, memory over the steps, and the selected layer&apos;s activation histogram with every calibration method&apos;s range and its per-channel weight ranges.</source>
        <translation>运行 FP32 对比 INT8（Ctrl+R），即可查看每层的延迟、加速比和误差，INT8 时间花在哪里及其原因，整个模型延迟的分布，各步骤的内存，以及所选层的激活直方图（含每种校准方法的范围）和逐通道权重范围。</translation>
    </message>
</context>
<context>
    <name>ql::gui::GraphPanel</name>
    <message>
        <source>Search name or op</source>
        <translation>搜索名称或算子</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>laying out %1 nodes...</source>
        <translation>正在布局 %1 个节点…</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges · %3 layout %4 ms</source>
        <translation>%1 个节点，%2 条边 · %3 布局 %4 ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>layout failed: %1</source>
        <translation>布局失败：%1</translation>
    </message>
</context>
<context>
    <name>ql::gui::LayerTableModel</name>
    <message>
        <source>Inserted by the plan (not a graph node): %1</source>
        <translation>由计划插入（不是图节点）：%1</translation>
    </message>
    <message>
        <source>%1: %2 ms (p10 %3, p90 %4), %5, %6 %7</source>
        <translation>%1：%2 ms（p10 %3，p90 %4），%5，%6 %7</translation>
    </message>
    <message>
        <source>  reference because: %1</source>
        <translation>  使用参考实现的原因：%1</translation>
    </message>
    <message>
        <source>  note: %1</source>
        <translation>  备注：%1</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>算子</translation>
    </message>
    <message>
        <source>Fused from</source>
        <translation>融合自</translation>
    </message>
    <message>
        <source>FP32 ms</source>
        <translation>FP32 ms</translation>
    </message>
    <message>
        <source>INT8 ms</source>
        <translation>INT8 ms</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Impl</source>
        <translation>实现</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Median over the timed runs</source>
        <translation>计时运行的中位数</translation>
    </message>
    <message>
        <source>FP32 median / INT8 median</source>
        <translation>FP32 中位数 / INT8 中位数</translation>
    </message>
    <message>
        <source>As the INT8 plan runs the layer (FP32 when there is no INT8 step); the tooltip has both</source>
        <translation>按 INT8 计划运行该层的方式（没有 INT8 步骤时为 FP32）；工具提示中包含两者</translation>
    </message>
    <message>
        <source>SQNR dB</source>
        <translation>SQNR dB</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>INT8 output of the layer against its FP32 output, whole network in INT8, on the profiled inputs</source>
        <translation>该层的 INT8 输出与其 FP32 输出相比（整个网络以 INT8 运行，使用被分析的输入）</translation>
    </message>
</context>
<context>
    <name>ql::gui::LegendWidget</name>
    <message>
        <source>Op kind</source>
        <translation>算子类别</translation>
    </message>
</context>
<context>
    <name>ql::gui::MainWindow</name>
    <message>
        <source>QuantLens</source>
        <translation>QuantLens</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Fused</source>
        <translation>融合后</translation>
    </message>
    <message>
        <source>probing CPU...</source>
        <translation>正在检测 CPU…</translation>
    </message>
    <message>
        <source>Open an ONNX model (File &gt; Open, or drop it here).</source>
        <translation>打开一个 ONNX 模型（文件 &gt; 打开，或拖放到此处）。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open ONNX model</source>
        <translation>打开 ONNX 模型</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX 模型 (*.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML 报告 (*.html);;PDF 报告 (*.pdf)</translation>
    </message>
    <message>
        <source>Export &amp;report (HTML or PDF)...</source>
        <translation>导出报告(&amp;R)（HTML 或 PDF）…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>nothing to export</source>
        <translation>没有可导出的内容</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Current chart as PNG...</source>
        <translation>当前图表导出为 PNG…</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>Current chart as SVG...</source>
        <translation>当前图表导出为 SVG…</translation>
    </message>
    <message>
        <source>Export graph view</source>
        <translation>导出图视图</translation>
    </message>
    <message>
        <source>Original graph view as %1...</source>
        <translation>原始图视图导出为 %1…</translation>
    </message>
    <message>
        <source>Right-hand graph view as %1...</source>
        <translation>右侧图视图导出为 %1…</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>保存截图</translation>
    </message>
    <message>
        <source>Window screenshot as PNG...</source>
        <translation>窗口截图保存为 PNG…</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Per-layer table as CSV...</source>
        <translation>逐层表格导出为 CSV…</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Per-layer table as JSON...</source>
        <translation>逐层表格导出为 JSON…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit graphs</source>
        <translation>适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Find node...</source>
        <translation>查找节点(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run FP32 vs INT8</source>
        <translation>运行 FP32 对比 INT8</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>取消运行</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source> Colour: </source>
        <translation> 着色：</translation>
    </message>
    <message>
        <source>Op kind</source>
        <translation>算子类别</translation>
    </message>
    <message>
        <source>FP32 latency</source>
        <translation>FP32 延迟</translation>
    </message>
    <message>
        <source>INT8 latency</source>
        <translation>INT8 延迟</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>Quantized (INT8 plan dtype)</source>
        <translation>量化（INT8 计划数据类型）</translation>
    </message>
    <message>
        <source>Colour the graphs by op kind or, after a run, by its figures</source>
        <translation>按算子类别为图着色，运行后也可按运行数据着色</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>优化阶段</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>运行设置</translation>
    </message>
    <message>
        <source>Node inspector</source>
        <translation>节点检查器</translation>
    </message>
    <message>
        <source>Select a node.</source>
        <translation>请选择一个节点。</translation>
    </message>
    <message>
        <source>Per-layer results</source>
        <translation>逐层结果</translation>
    </message>
    <message>
        <source>Filter layers by name, op, fused-from, impl, format or dtype</source>
        <translation>按名称、算子、融合来源、实现、格式或数据类型筛选层</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Opened %1: %2 nodes, %3 after fusion (import and passes %4 ms)</source>
        <translation>已打开 %1：%2 个节点，融合后 %3 个（导入和优化阶段 %4 ms）</translation>
    </message>
    <message>
        <source>Could not open: %1</source>
        <translation>无法打开：%1</translation>
    </message>
    <message>
        <source>Could not open model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>%1 stays open.</source>
        <translation>%1 保持打开。</translation>
    </message>
    <message>
        <source>Quantized (fused graph as the INT8 plan runs it)</source>
        <translation>量化（INT8 计划运行的融合图）</translation>
    </message>
    <message>
        <source>Fused (after %1)</source>
        <translation>融合后（%1 之后）</translation>
    </message>
    <message>
        <source>After %1</source>
        <translation>%1 之后</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>implementation</source>
        <translation>实现</translation>
    </message>
    <message>
        <source>reference because</source>
        <translation>使用参考实现的原因</translation>
    </message>
    <message>
        <source>memory format</source>
        <translation>内存格式</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>speed-up</source>
        <translation>加速比</translation>
    </message>
    <message>
        <source>measured as</source>
        <translation>计量为</translation>
    </message>
    <message>
        <source>%1: &lt;b&gt;%2&lt;/b&gt; (%3)</source>
        <translation>%1：&lt;b&gt;%2&lt;/b&gt;（%3）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Profile FP32 and INT8 with the run settings (Ctrl+R)</source>
        <translation>使用运行设置分析 FP32 和 INT8（Ctrl+R）</translation>
    </message>
    <message>
        <source>Run settings: %1</source>
        <translation>运行设置：%1</translation>
    </message>
    <message>
        <source>%1 — INT8 %2× — %3 — QuantLens</source>
        <translation>%1 — INT8 %2× — %3 — QuantLens</translation>
    </message>
    <message>
        <source>%1 — %2 — QuantLens</source>
        <translation>%1 — %2 — QuantLens</translation>
    </message>
    <message>
        <source>starting… %p%</source>
        <translation>正在启动… %p%</translation>
    </message>
    <message>
        <source>Running FP32 vs INT8 (%1)…</source>
        <translation>正在运行 FP32 对比 INT8（%1）…</translation>
    </message>
    <message>
        <source>Run cancelled after %1 s; the previous results stay.</source>
        <translation>运行在 %1 秒后取消；保留之前的结果。</translation>
    </message>
    <message>
        <source>Run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <source>cancelling… %p%</source>
        <translation>正在取消… %p%</translation>
    </message>
    <message>
        <source>Cancelling the run…</source>
        <translation>正在取消运行…</translation>
    </message>
    <message>
        <source>
(as used by the last run)</source>
        <translation>
（上次运行所用）</translation>
    </message>
    <message>
        <source>no run to report: run FP32 vs INT8 first</source>
        <translation>没有可报告的运行：请先运行 FP32 对比 INT8</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>FP32 latency (ms, median)</source>
        <translation>FP32 延迟（ms，中位数）</translation>
    </message>
    <message>
        <source>INT8 latency (ms, median)</source>
        <translation>INT8 延迟（ms，中位数）</translation>
    </message>
    <message>
        <source>Speed-up FP32/INT8 (×, 1 = same)</source>
        <translation>加速比 FP32/INT8（×，1 = 相同）</translation>
    </message>
    <message>
        <source>INT8 plan: green int8, red f32 · %1 int8, %2 f32 nodes, %3 inserted steps</source>
        <translation>INT8 计划：绿色 int8，红色 f32 · %1 个 int8 节点，%2 个 f32 节点，%3 个插入步骤</translation>
    </message>
    <message>
        <source>Press Run FP32 vs INT8 (Ctrl+R) for per-layer results.</source>
        <translation>点击“运行 FP32 对比 INT8”（Ctrl+R）查看逐层结果。</translation>
    </message>
    <message>
        <source>Open a model and press Run FP32 vs INT8 (Ctrl+R): per-layer FP32 and INT8 latency, speed-up, implementation, memory format and dtype appear here.</source>
        <translation>打开模型并点击“运行 FP32 对比 INT8”（Ctrl+R）：逐层的 FP32 和 INT8 延迟、加速比、实现、内存格式和数据类型将显示在这里。</translation>
    </message>
    <message>
        <source>Error (SQNR)</source>
        <translation>误差（SQNR）</translation>
    </message>
    <message>
        <source>FP32 vs INT8 error: SQNR (dB, higher is better)</source>
        <translation>FP32 与 INT8 误差：SQNR（dB，越高越好）</translation>
    </message>
    <message>
        <source>Open &amp;Benchmark...</source>
        <translation>打开基准测试(&amp;B)…</translation>
    </message>
    <message>
        <source>QuantLens — Benchmark</source>
        <translation>QuantLens — 基准测试</translation>
    </message>
    <message>
        <source>Run finished in %1 s; results shown %2 s after the click.</source>
        <translation>运行在 %1 秒内完成；点击后 %2 秒显示结果。</translation>
    </message>
</context>
<context>
    <name>ql::gui::Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>概览：点击或拖动以移动视图</translation>
    </message>
</context>
<context>
    <name>ql::gui::PassListModel</name>
    <message>
        <source>Imported graph: %1 nodes.</source>
        <translation>导入的图：%1 个节点。</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3 nodes, %4 ms</source>
        <translation>%1：%2 -&gt; %3 个节点，%4 ms</translation>
    </message>
    <message>
        <source>removed:</source>
        <translation>已删除：</translation>
    </message>
    <message>
        <source>created:</source>
        <translation>已创建：</translation>
    </message>
    <message>
        <source>  (no change)</source>
        <translation>  （无变化）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>  %1 &apos;%2&apos; merged into %3 &apos;%4&apos;</source>
        <translation>  %1 &apos;%2&apos; 已合并到 %3 &apos;%4&apos;</translation>
    </message>
</context>
<context>
    <name>ql::gui::PropertyTreeModel</name>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>ql::gui::SettingsPanel</name>
    <message>
        <source>%1 (not available)</source>
        <translation>%1（不可用）</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>百分位</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>symmetric s8</source>
        <translation>对称 s8</translation>
    </message>
    <message>
        <source>asymmetric u8</source>
        <translation>非对称 u8</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活</translation>
    </message>
    <message>
        <source>auto (without VNNI)</source>
        <translation>自动（无 VNNI 时）</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>7-bit activations avoid u8×s8 saturation on CPUs without VNNI.</source>
        <translation>7 位激活可避免无 VNNI 的 CPU 上的 u8×s8 饱和。</translation>
    </message>
    <message>
        <source>7-bit</source>
        <translation>7 位</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>执行器</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Warm-up runs (not timed)</source>
        <translation>预热运行（不计时）</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>计时运行</translation>
    </message>
    <message>
        <source>Warm-up + runs</source>
        <translation>预热 + 运行</translation>
    </message>
    <message>
        <source>all (e.g. avx2)</source>
        <translation>全部（例如 avx2）</translation>
    </message>
    <message>
        <source>Max ISA</source>
        <translation>最高指令集</translation>
    </message>
    <message>
        <source>node names or op types, comma-separated</source>
        <translation>节点名称或算子类型，以逗号分隔</translation>
    </message>
    <message>
        <source>Kept in FP32 in INT8 runs.</source>
        <translation>在 INT8 运行中保留为 FP32。</translation>
    </message>
    <message>
        <source>FP32 fallback</source>
        <translation>FP32 回退</translation>
    </message>
    <message>
        <source>Folder with the four Fashion-MNIST IDX files</source>
        <translation>包含四个 Fashion-MNIST IDX 文件的文件夹</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>top-1/top-5 on</source>
        <translation>top-1/top-5，使用</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source> images</source>
        <translation> 张图像</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Fashion-MNIST folder</source>
        <translation>Fashion-MNIST 文件夹</translation>
    </message>
    <message>
        <source>Share of the values kept inside the range; the rest are clipped.</source>
        <translation>保留在范围内的数值比例；其余数值被截断。</translation>
    </message>
    <message>
        <source>s8 per output channel</source>
        <translation>s8 按输出通道</translation>
    </message>
    <message>
        <source>s8 per tensor</source>
        <translation>s8 按张量</translation>
    </message>
    <message>
        <source>One weight scale per output channel, or one for the whole tensor.</source>
        <translation>每个输出通道一个权重缩放因子，或整个张量一个。</translation>
    </message>
    <message>
        <source>time the candidates</source>
        <translation>测定候选实现</translation>
    </message>
    <message>
        <source>Times oneDNN&apos;s implementations of each convolution that keep its layouts and runs the fastest; the plan takes longer to build. Off: oneDNN&apos;s first choice.</source>
        <translation>测定每个卷积中保持其布局的 oneDNN 实现，并运行最快的一个；构建计划耗时更长。关闭：使用 oneDNN 的首选实现。</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>row bands</source>
        <translation>行带</translation>
    </message>
    <message>
        <source>Runs consecutive NHWC convolutions at batch 1 as one parallel region, each thread a band of rows: one thread start per run of layers instead of per layer. Off: oneDNN&apos;s own threading per layer.</source>
        <translation>在批大小为 1 时将连续的 NHWC 卷积作为一个并行区域运行，每个线程负责一段行：每串层只启动一次线程，而非每层一次。关闭：每层使用 oneDNN 自身的线程划分。</translation>
    </message>
    <message>
        <source>Threading</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Calibration images from the data set&apos;s train split; used when accuracy is evaluated (without a data set, INT8 calibrates on the profiled inputs).</source>
        <translation>来自数据集训练划分的校准图像；在评估准确率时使用（没有数据集时，INT8 在被分析的输入上校准）。</translation>
    </message>
    <message>
        <source>This model fixes its batch at %1 (its input shape declares it), so it runs at that batch only. Export it with a symbolic batch dimension to run others.</source>
        <translation>此模型将批大小固定为 %1（由其输入形状声明），因此只能以该批大小运行。若要使用其他批大小，请以符号批维度导出模型。</translation>
    </message>
</context>
</TS>
