<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BenchCharts</name>
    <message>
        <source>n.s.</source>
        <translation>n. s.</translation>
    </message>
    <message>
        <source>INT8 speed-up over FP32 (×, log scale), 95% CI</source>
        <translation>INT8-Beschleunigung gegenüber FP32 (×, log. Skala), 95-%-KI</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>ms per image (median, 95% CI, log scale)</source>
        <translation>ms pro Bild (Median, 95-%-KI, log. Skala)</translation>
    </message>
    <message>
        <source>ms per image (median, 95% CI)</source>
        <translation>ms pro Bild (Median, 95-%-KI)</translation>
    </message>
    <message>
        <source>INT8 speed-up per model</source>
        <translation>INT8-Beschleunigung pro Modell</translation>
    </message>
    <message>
        <source>Latency per image against batch size</source>
        <translation>Latenz pro Bild über der Batchgröße</translation>
    </message>
    <message>
        <source>Latency per image by layout</source>
        <translation>Latenz pro Bild nach Layout</translation>
    </message>
    <message>
        <source>untested</source>
        <translation>ungetestet</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>inserted by the INT8 plan</source>
        <translation>vom INT8-Plan eingefügt</translation>
    </message>
    <message>
        <source>fused from %1</source>
        <translation>fusioniert aus %1</translation>
    </message>
    <message>
        <source>FP32 %1 ms (p10 %2, p90 %3) %4</source>
        <translation>FP32 %1 ms (p10 %2, p90 %3) %4</translation>
    </message>
    <message>
        <source>INT8 %1 ms (p10 %2, p90 %3) %4 %5</source>
        <translation>INT8 %1 ms (p10 %2, p90 %3) %4 %5</translation>
    </message>
    <message>
        <source>speed-up %1×</source>
        <translation>Beschleunigung %1×</translation>
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
        <translation>INT8 eingefügter Schritt</translation>
    </message>
    <message>
        <source>median ms per run</source>
        <translation>Median ms pro Lauf</translation>
    </message>
    <message>
        <source>faster in INT8</source>
        <translation>schneller in INT8</translation>
    </message>
    <message>
        <source>slower in INT8</source>
        <translation>langsamer in INT8</translation>
    </message>
    <message>
        <source>FP32 / INT8 median (×)</source>
        <translation>Median FP32 / INT8 (×)</translation>
    </message>
    <message>
        <source>1× (no change)</source>
        <translation>1× (unverändert)</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Activation arena</source>
        <translation>Aktivierungs-Arena</translation>
    </message>
    <message>
        <source>Liveness lower bound</source>
        <translation>Untere Schranke (Lebendigkeit)</translation>
    </message>
    <message>
        <source>All activation buffers</source>
        <translation>Alle Aktivierungspuffer</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>whole-model ms per run (log scale: max is %1× p90)</source>
        <translation>Gesamtmodell ms pro Lauf (log. Skala: Max ist %1× p90)</translation>
    </message>
    <message>
        <source>whole-model ms per run</source>
        <translation>Gesamtmodell ms pro Lauf</translation>
    </message>
    <message>
        <source>int8 kernels</source>
        <translation>int8-Kernel</translation>
    </message>
    <message>
        <source>inserted reorders / quantize</source>
        <translation>eingefügte Umordnungen / Quantisierung</translation>
    </message>
    <message>
        <source>reference fallbacks</source>
        <translation>Referenz-Ausweichkernel</translation>
    </message>
    <message>
        <source>layers left in f32</source>
        <translation>in f32 belassene Schichten</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n step(s))</source>
        <translation>
            <numerusform>%1 (%n Schritt)</numerusform>
            <numerusform>%1 (%n Schritte)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 ms in %3 step(s), %4% of the INT8 steps&apos; time</source>
        <translation>%1: %2 ms in %3 Schritt(en), %4 % der Zeit der INT8-Schritte</translation>
    </message>
    <message>
        <source>sum of INT8 step medians, ms (whole-model INT8 median %1 ms)</source>
        <translation>Summe der Mediane der INT8-Schritte, ms (Median INT8 Gesamtmodell %1 ms)</translation>
    </message>
    <message>
        <source>Per-layer latency, FP32 vs INT8</source>
        <translation>Latenz pro Schicht, FP32 vs. INT8</translation>
    </message>
    <message>
        <source>Median time per step over the timed runs (the same runs as the whole-model time). Steps the INT8 plan inserted (reorders, quantize/dequantize) have no FP32 counterpart.</source>
        <translation>Median-Zeit pro Schritt über die gemessenen Läufe (dieselben Läufe wie die Gesamtmodellzeit). Vom INT8-Plan eingefügte Schritte (Umordnungen, Quantisierung/Dequantisierung) haben kein FP32-Gegenstück.</translation>
    </message>
    <message>
        <source>Per-layer speed-up (FP32 / INT8)</source>
        <translation>Beschleunigung pro Schicht (FP32 / INT8)</translation>
    </message>
    <message>
        <source>Layers that ran in both precisions; above the dashed 1× line INT8 is faster.</source>
        <translation>Schichten, die in beiden Präzisionen liefen; oberhalb der gestrichelten 1×-Linie ist INT8 schneller.</translation>
    </message>
    <message>
        <source>Memory: weights and activations</source>
        <translation>Speicher: Gewichte und Aktivierungen</translation>
    </message>
    <message>
        <source>Whole-model latency over the repeats</source>
        <translation>Latenz des Gesamtmodells über die Wiederholungen</translation>
    </message>
    <message>
        <source>Where the INT8 time goes</source>
        <translation>Wohin die INT8-Zeit geht</translation>
    </message>
    <message>
        <source>Sum of INT8 step medians by kind of step: int8 kernels, steps the plan inserted, reference-kernel fallbacks and graph layers the INT8 plan runs in f32.</source>
        <translation>Summe der Mediane der INT8-Schritte nach Art: int8-Kernel, vom Plan eingefügte Schritte, Referenzkernel als Ausweichlösung und Graphschichten, die der INT8-Plan in f32 ausführt.</translation>
    </message>
    <message>
        <source>Exported by QuantLens</source>
        <translation>Exportiert von QuantLens</translation>
    </message>
    <message>
        <source>SQNR at or above the line</source>
        <translation>SQNR auf oder über der Linie</translation>
    </message>
    <message>
        <source>SQNR below the line</source>
        <translation>SQNR unter der Linie</translation>
    </message>
    <message>
        <source>SQNR %1 dB, cosine %2</source>
        <translation>SQNR %1 dB, Kosinus %2</translation>
    </message>
    <message>
        <source>SQNR (dB), INT8 output vs FP32</source>
        <translation>SQNR (dB), INT8-Ausgabe gegenüber FP32</translation>
    </message>
    <message>
        <source>Per-layer error: SQNR of INT8 against FP32</source>
        <translation>Fehler pro Schicht: SQNR von INT8 gegenüber FP32</translation>
    </message>
    <message>
        <source>Each layer&apos;s INT8 output (the whole network in INT8, the int8 kernels that ran) against its FP32 output on the profiled inputs; higher is better, below the dashed 20 dB line the layer lost precision that matters.</source>
        <translation>Die INT8-Ausgabe jeder Schicht (das ganze Netz in INT8, mit den tatsächlich ausgeführten int8-Kerneln) gegenüber ihrer FP32-Ausgabe auf den profilierten Eingaben; höher ist besser, unter der gestrichelten 20-dB-Linie hat die Schicht spürbar an Genauigkeit verloren.</translation>
    </message>
    <message>
        <source>median with its 95% CI</source>
        <translation>Median mit 95-%-KI</translation>
    </message>
    <message>
        <source>each timed run</source>
        <translation>jeder gemessene Lauf</translation>
    </message>
    <message>
        <source>%1 whole model, %2 runs
median %3 ms, 95% CI [%9, %10]
p10 %4 · p90 %5
min %6 · max %7
mean %8 ms</source>
        <translation>%1 Gesamtmodell, %2 Läufe
Median %3 ms, 95-%-KI [%9, %10]
p10 %4 · p90 %5
Min %6 · Max %7
Mittelwert %8 ms</translation>
    </message>
    <message>
        <source>Box from p10 to p90 with the median line, whiskers from min to max, ◆ the median with its 95% bootstrap interval; the dots beside each box are the timed runs themselves.</source>
        <translation>Box von p10 bis p90 mit Medianlinie, Whisker von Min bis Max, ◆ der Median mit seinem 95-%-Bootstrap-Intervall; die Punkte neben jeder Box sind die gemessenen Läufe selbst.</translation>
    </message>
    <message>
        <source>int8 kernels (the useful work)</source>
        <translation>int8-Kernel (die nützliche Arbeit)</translation>
    </message>
    <message>
        <source>int8 kernels: %1 ms, %2% of the INT8 steps&apos; time. Memory-bound int8 layers are part of it.</source>
        <translation>int8-Kernel: %1 ms, %2 % der Zeit der INT8-Schritte. Speichergebundene int8-Schichten sind darin enthalten.</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>ms per run (INT8 step medians; outside the steps: whole-model mean minus the step means)</source>
        <translation>ms pro Lauf (Mediane der INT8-Schritte; außerhalb der Schritte: Mittel des ganzen Modells minus die Mittel der Schritte)</translation>
    </message>
    <message>
        <source>%1 live activations</source>
        <translation>%1 lebende Aktivierungen</translation>
    </message>
    <message>
        <source>%1 step %2: %3 (%4)%5
live activations %6
arena %7 · liveness bound %8</source>
        <translation>%1 Schritt %2: %3 (%4)%5
lebende Aktivierungen %6
Arena %7 · Lebendigkeitsschranke %8</translation>
    </message>
    <message>
        <source>, inserted by the plan</source>
        <translation>, vom Plan eingefügt</translation>
    </message>
    <message>
        <source>%1 planned arena %2</source>
        <translation>%1 geplante Arena %2</translation>
    </message>
    <message>
        <source>%1 liveness bound %2</source>
        <translation>%1 Lebendigkeitsschranke %2</translation>
    </message>
    <message>
        <source>step in execution order (each plan&apos;s own steps: INT8 adds reorders and conversions)</source>
        <translation>Schritt in Ausführungsreihenfolge (die eigenen Schritte jedes Plans: INT8 fügt Umordnungen und Umwandlungen hinzu)</translation>
    </message>
    <message>
        <source>MiB live</source>
        <translation>MiB lebend</translation>
    </message>
    <message>
        <source>used by the INT8 plan (table / model scales)</source>
        <translation>vom INT8-Plan verwendet (Tabelle / Skalen des Modells)</translation>
    </message>
    <message>
        <source>used by the INT8 plan (%1)</source>
        <translation>vom INT8-Plan verwendet (%1)</translation>
    </message>
    <message>
        <source>min/max</source>
        <translation>Min/Max</translation>
    </message>
    <message>
        <source>entropy (KL)</source>
        <translation>Entropie (KL)</translation>
    </message>
    <message>
        <source>percentile %1</source>
        <translation>Perzentil %1</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <source>No calibration histogram for this node: select a layer that writes a float activation.</source>
        <translation>Kein Kalibrierungshistogramm für diesen Knoten: wählen Sie eine Schicht, die eine Gleitkomma-Aktivierung schreibt.</translation>
    </message>
    <message>
        <source>%1 (%2), output %3</source>
        <translation>%1 (%2), Ausgabe %3</translation>
    </message>
    <message>
        <source>values (%1 seen)</source>
        <translation>Werte (%1 gesehen)</translation>
    </message>
    <message>
        <source>%1 ≤ x &lt; %2: %3 values (%4% of all)</source>
        <translation>%1 ≤ x &lt; %2: %3 Werte (%4 % aller)</translation>
    </message>
    <message>
        <source>value of %1 (bin width %2; %3 calibration values)</source>
        <translation>Wert von %1 (Klassenbreite %2; %3 Kalibrierungswerte)</translation>
    </message>
    <message>
        <source>values per bin (log scale)</source>
        <translation>Werte pro Klasse (logarithmisch)</translation>
    </message>
    <message>
        <source>No weights for this node: select a convolution or a linear layer.</source>
        <translation>Keine Gewichte für diesen Knoten: wählen Sie eine Faltung oder eine lineare Schicht.</translation>
    </message>
    <message>
        <source>channel max</source>
        <translation>Kanal-Maximum</translation>
    </message>
    <message>
        <source>channel min</source>
        <translation>Kanal-Minimum</translation>
    </message>
    <message>
        <source>per-channel int8 range (± scale × 127)</source>
        <translation>int8-Bereich pro Kanal (± Skala × 127)</translation>
    </message>
    <message>
        <source>output channel %1: min %2, max %3
per-channel int8 range ±%4 (scale %5)
per-tensor range ±%6: this channel would use %7% of the int8 levels</source>
        <translation>Ausgabekanal %1: Min %2, Max %3
int8-Bereich pro Kanal ±%4 (Skala %5)
Bereich pro Tensor ±%6: dieser Kanal würde %7 % der int8-Stufen nutzen</translation>
    </message>
    <message>
        <source>per-tensor int8 range ±%1</source>
        <translation>int8-Bereich pro Tensor ±%1</translation>
    </message>
    <message>
        <source>%1 (%2), weight %3: %4 output channels; %5</source>
        <translation>%1 (%2), Gewicht %3: %4 Ausgabekanäle; %5</translation>
    </message>
    <message>
        <source>this run quantized them per tensor</source>
        <translation>dieser Lauf quantisierte sie pro Tensor</translation>
    </message>
    <message>
        <source>this run quantized them per channel</source>
        <translation>dieser Lauf quantisierte sie pro Kanal</translation>
    </message>
    <message>
        <source>per tensor, the median channel would use %1% of the int8 levels (%2 bits lost on average)</source>
        <translation>pro Tensor würde der mittlere Kanal %1 % der int8-Stufen nutzen (im Mittel %2 Bit verloren)</translation>
    </message>
    <message>
        <source>output channels, widest range first</source>
        <translation>Ausgabekanäle, breitester Bereich zuerst</translation>
    </message>
    <message>
        <source>output channel</source>
        <translation>Ausgabekanal</translation>
    </message>
    <message>
        <source>float weight value</source>
        <translation>Gleitkomma-Gewichtswert</translation>
    </message>
    <message>
        <source>Weights as the kernels hold them; the planned activation arena next to the liveness lower bound (the most bytes simultaneously live) and the sum of all activation buffers.</source>
        <translation>Gewichte, wie die Kernel sie halten; die geplante Aktivierungs-Arena neben der unteren Lebendigkeitsschranke (die meisten gleichzeitig lebenden Bytes) und der Summe aller Aktivierungspuffer.</translation>
    </message>
    <message>
        <source>Where the INT8 time goes, by cause</source>
        <translation>Wohin die INT8-Zeit geht, nach Ursache</translation>
    </message>
    <message>
        <source>Live activation memory over the steps</source>
        <translation>Lebender Aktivierungsspeicher über die Schritte</translation>
    </message>
    <message>
        <source>Bytes of the activation buffers the plan keeps alive at each step, in execution order, with the planned arena (dashed) and the liveness bound, the curve&apos;s maximum (dotted): the gap between them is what the arena planner loses to fragmentation. Graph inputs and weights are not counted.</source>
        <translation>Bytes der Aktivierungspuffer, die der Plan bei jedem Schritt lebendig hält, in Ausführungsreihenfolge, mit der geplanten Arena (gestrichelt) und der Lebendigkeitsschranke, dem Maximum der Kurve (gepunktet): die Lücke dazwischen verliert der Arena-Planer an Fragmentierung. Graph-Eingaben und Gewichte zählen nicht mit.</translation>
    </message>
    <message>
        <source>Activation histogram and calibration ranges</source>
        <translation>Aktivierungshistogramm und Kalibrierungsbereiche</translation>
    </message>
    <message>
        <source>The selected layer&apos;s output values on the calibration inputs (the observers&apos; histogram, log counts), with the range each calibration method derives from it and the range the INT8 plan used: what a method clips lies outside its lines; a wide range spends int8 levels on rare outliers.</source>
        <translation>Die Ausgabewerte der gewählten Schicht auf den Kalibrierungseingaben (das Histogramm der Beobachter, logarithmische Anzahlen), mit dem Bereich, den jede Kalibrierungsmethode daraus ableitet, und dem Bereich, den der INT8-Plan verwendete: was eine Methode abschneidet, liegt außerhalb ihrer Linien; ein weiter Bereich verschwendet int8-Stufen an seltene Ausreißer.</translation>
    </message>
    <message>
        <source>Per-channel weight ranges</source>
        <translation>Gewichtsbereiche pro Kanal</translation>
    </message>
    <message>
        <source>The selected layer&apos;s float weights per output channel (bars: min and max), the per-channel int8 range (scale × 127) and the per-tensor one (dashed): channels far inside the dashed lines would waste int8 levels if the weights were quantized per tensor.</source>
        <translation>Die Gleitkomma-Gewichte der gewählten Schicht pro Ausgabekanal (Balken: Min und Max), der int8-Bereich pro Kanal (Skala × 127) und der pro Tensor (gestrichelt): Kanäle weit innerhalb der gestrichelten Linien würden int8-Stufen verschwenden, wenn die Gewichte pro Tensor quantisiert würden.</translation>
    </message>
    <message>
        <source>20 dB (below: precision lost)</source>
        <translation>20 dB (darunter: Präzision verloren)</translation>
    </message>
    <message>
        <source>The INT8 diagnosis: milliseconds per cause that is not int8 kernels doing int8 work, largest on top, with the int8 kernels themselves for scale (memory-bound layers are part of them).</source>
        <translation>Die INT8-Diagnose: Millisekunden je Ursache, die nicht int8-Kernel bei int8-Arbeit sind, die größte oben, dazu die int8-Kernel selbst als Maßstab (speichergebundene Schichten gehören zu ihnen).</translation>
    </message>
    <message>
        <source>Hover a bar for what happens and the fix; click it to select its most expensive node.</source>
        <translation>Fahren Sie über einen Balken für das Geschehen und die Abhilfe; ein Klick wählt seinen teuersten Knoten.</translation>
    </message>
</context>
<context>
    <name>CpuStatus</name>
    <message>
        <source>oneDNN unavailable</source>
        <translation>oneDNN nicht verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 · %n thread(s) · oneDNN %4</source>
        <translation>
            <numerusform>%1 · %2 · %3 · %n Thread · oneDNN %4</numerusform>
            <numerusform>%1 · %2 · %3 · %n Threads · oneDNN %4</numerusform>
        </translation>
    </message>
    <message>
        <source>no VNNI (7-bit int8)</source>
        <translation>kein VNNI (7-Bit-int8)</translation>
    </message>
    <message>
        <source>CPU: %1
ISA oneDNN dispatches to: %2
int8 VNNI: %3
threads: %4
oneDNN: %5 on %6</source>
        <translation>CPU: %1
Von oneDNN genutzte ISA: %2
int8-VNNI: %3
Threads: %4
oneDNN: %5 auf %6</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
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
            <numerusform>%1 und %n weiterer</numerusform>
            <numerusform>%1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Unfolded Q/DQ nodes</source>
        <translation>Nicht gefaltete Q/DQ-Knoten</translation>
    </message>
    <message>
        <source>Reference-kernel fallbacks</source>
        <translation>Ausweichen auf Referenz-Kernel</translation>
    </message>
    <message>
        <source>FP32 islands</source>
        <translation>FP32-Inseln</translation>
    </message>
    <message>
        <source>Layout reorders</source>
        <translation>Layout-Umordnungen</translation>
    </message>
    <message>
        <source>Quantize/dequantize at the edges</source>
        <translation>Quantisieren/Dequantisieren an den Rändern</translation>
    </message>
    <message>
        <source>Memory-bound int8 layers</source>
        <translation>Speichergebundene int8-Schichten</translation>
    </message>
    <message>
        <source>Outside the steps</source>
        <translation>Außerhalb der Schritte</translation>
    </message>
    <message>
        <source>No VNNI</source>
        <translation>Kein VNNI</translation>
    </message>
    <message>
        <source>7-bit activations</source>
        <translation>7-Bit-Aktivierungen</translation>
    </message>
    <message>
        <source>Batch 1</source>
        <translation>Batchgröße 1</translation>
    </message>
    <message>
        <source>FP32 reorders of a forced layout</source>
        <translation>FP32-Umordnungen eines erzwungenen Layouts</translation>
    </message>
    <message numerus="yes">
        <source>%n QuantizeLinear/DequantizeLinear node(s) of the model run as separate steps (%1): %2 of %3. The QDQ pattern was not folded into int8 kernels, so the layers between them compute in f32.</source>
        <translation>
            <numerusform>%n QuantizeLinear/DequantizeLinear-Knoten des Modells läuft als eigener Schritt (%1): %2 von %3. Das QDQ-Muster wurde nicht in int8-Kernel gefaltet, daher rechnen die Schichten dazwischen in f32.</numerusform>
            <numerusform>%n QuantizeLinear/DequantizeLinear-Knoten des Modells laufen als eigene Schritte (%1): %2 von %3. Das QDQ-Muster wurde nicht in int8-Kernel gefaltet, daher rechnen die Schichten dazwischen in f32.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) ran on QuantLens&apos; reference kernels (%1): %2. Ops: %3.</source>
        <translation>
            <numerusform>%n Knoten lief auf den Referenz-Kerneln von QuantLens (%1): %2. Operatoren: %3.</numerusform>
            <numerusform>%n Knoten liefen auf den Referenz-Kerneln von QuantLens (%1): %2. Operatoren: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) stay in f32 between int8 layers (%1; op %2): %3 including the dequantize/quantize steps around them.</source>
        <translation>
            <numerusform>%n Schicht bleibt zwischen int8-Schichten in f32 (%1; Operator %2): %3 einschließlich der Dequantisierungs-/Quantisierungsschritte um sie herum.</numerusform>
            <numerusform>%n Schichten bleiben zwischen int8-Schichten in f32 (%1; Operator %2): %3 einschließlich der Dequantisierungs-/Quantisierungsschritte um sie herum.</numerusform>
        </translation>
    </message>
    <message>
        <source>Plan note: %1</source>
        <translation>Hinweis des Plans: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n layout reorder(s) inserted between primitives (%1): %2.</source>
        <translation>
            <numerusform>%n Layout-Umordnung zwischen Primitiven eingefügt (%1): %2.</numerusform>
            <numerusform>%n Layout-Umordnungen zwischen Primitiven eingefügt (%1): %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The layout is forced to %1, which the kernels do not all prefer.</source>
        <translation>Das Layout ist auf %1 erzwungen, das nicht alle Kernel bevorzugen.</translation>
    </message>
    <message numerus="yes">
        <source>%n quantize/dequantize step(s) not next to an f32 layer, mostly at the model&apos;s inputs and outputs (%1): %2.</source>
        <translation>
            <numerusform>%n Quantisierungs-/Dequantisierungsschritt nicht neben einer f32-Schicht, meist an den Ein- und Ausgängen des Modells (%1): %2.</numerusform>
            <numerusform>%n Quantisierungs-/Dequantisierungsschritte nicht neben einer f32-Schicht, meist an den Ein- und Ausgängen des Modells (%1): %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n int8 layer(s) are memory-bound (under 16 MACs per byte of output and weights: pooling, depthwise and small pointwise convolutions, adds; %1): %2, %3× faster than their FP32 steps.</source>
        <translation>
            <numerusform>%n int8-Schicht ist speichergebunden (unter 16 MACs pro Byte Ausgabe und Gewichte: Pooling, depthwise und kleine pointwise Faltungen, Additionen; %1): %2, %3× schneller als ihre FP32-Schritte.</numerusform>
            <numerusform>%n int8-Schichten sind speichergebunden (unter 16 MACs pro Byte Ausgabe und Gewichte: Pooling, depthwise und kleine pointwise Faltungen, Additionen; %1): %2, %3× schneller als ihre FP32-Schritte.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per run is outside the steps (the whole-model mean minus the step means: executor overhead, thread wake-up between steps).</source>
        <translation>%1 pro Lauf liegen außerhalb der Schritte (Mittel des ganzen Modells minus die Mittel der Schritte: Overhead des Executors, Aufwecken der Threads zwischen Schritten).</translation>
    </message>
    <message>
        <source>7-bit activations were forced on a CPU with VNNI: the precision is lower at no speed gain.</source>
        <translation>7-Bit-Aktivierungen wurden auf einer CPU mit VNNI erzwungen: die Genauigkeit ist geringer ohne Geschwindigkeitsgewinn.</translation>
    </message>
    <message>
        <source>No VNNI on this ISA (%1): int8 dot products go through 16-bit intermediate sums, with 7-bit activations to avoid their saturation, so int8 convolutions gain about half of what they gain with VNNI.</source>
        <translation>Kein VNNI auf dieser ISA (%1): int8-Skalarprodukte laufen über 16-Bit-Zwischensummen, mit 7-Bit-Aktivierungen gegen deren Sättigung, daher gewinnen int8-Faltungen etwa halb so viel wie mit VNNI.</translation>
    </message>
    <message>
        <source>No VNNI on this ISA (%1): int8 dot products go through 16-bit intermediate sums, so int8 convolutions gain about half of what they gain with VNNI.</source>
        <translation>Kein VNNI auf dieser ISA (%1): int8-Skalarprodukte laufen über 16-Bit-Zwischensummen, daher gewinnen int8-Faltungen etwa halb so viel wie mit VNNI.</translation>
    </message>
    <message>
        <source>Batch 1: memory-bound layers take %1% of the INT8 time.</source>
        <translation>Batch 1: speichergebundene Schichten brauchen %1 % der INT8-Zeit.</translation>
    </message>
    <message numerus="yes">
        <source>The layout is forced to %1: the FP32 plan pays %n reorder(s) for it (%2 of %3), so the speed-up is measured against a slowed FP32.</source>
        <translation>
            <numerusform>Das Layout ist auf %1 erzwungen: der FP32-Plan zahlt dafür %n Umordnung (%2 von %3), die Beschleunigung ist also gegen ein gebremstes FP32 gemessen.</numerusform>
            <numerusform>Das Layout ist auf %1 erzwungen: der FP32-Plan zahlt dafür %n Umordnungen (%2 von %3), die Beschleunigung ist also gegen ein gebremstes FP32 gemessen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Run the float model and let QuantLens calibrate it, or fold DequantizeLinear → op → QuantizeLinear into the op&apos;s int8 kernel.</source>
        <translation>Führen Sie das Gleitkomma-Modell aus und lassen Sie QuantLens es kalibrieren, oder falten Sie DequantizeLinear → Operator → QuantizeLinear in den int8-Kernel des Operators.</translation>
    </message>
    <message>
        <source>A oneDNN kernel for these ops (or an equivalent op the exporter can emit).</source>
        <translation>Ein oneDNN-Kernel für diese Operatoren (oder ein gleichwertiger Operator, den der Exporter ausgeben kann).</translation>
    </message>
    <message>
        <source>These ops run int8 elsewhere in this plan: what keeps these in f32 is around them (unfolded QDQ nodes, an FP32 fallback entry, a value without a calibration range).</source>
        <translation>Diese Operatoren laufen anderswo in diesem Plan in int8: was sie in f32 hält, liegt um sie herum (nicht gefaltete QDQ-Knoten, ein FP32-Ausweicheintrag, ein Wert ohne Kalibrierungsbereich).</translation>
    </message>
    <message>
        <source>An int8 kernel for %1, or take them out of the FP32 fallback list if they are in it.</source>
        <translation>Ein int8-Kernel für %1, oder nehmen Sie sie aus der FP32-Ausweichliste, falls sie darin stehen.</translation>
    </message>
    <message>
        <source>Keep adjacent layers in one memory format.</source>
        <translation>Benachbarte Schichten in einem Speicherformat halten.</translation>
    </message>
    <message>
        <source>--layout auto lets each primitive choose its format.</source>
        <translation>Mit --layout auto wählt jedes Primitiv sein Format selbst.</translation>
    </message>
    <message>
        <source>Unavoidable at the edges of an f32 model (a pipeline that feeds int8 input skips the first); elsewhere, give both sides one scale.</source>
        <translation>An den Rändern eines f32-Modells unvermeidlich (eine Pipeline, die int8-Eingaben liefert, spart die erste); anderswo beiden Seiten eine Skala geben.</translation>
    </message>
    <message>
        <source>INT8 helps these only through 4× smaller tensors; fusing them into neighbouring convolutions or larger batches does more.</source>
        <translation>INT8 hilft diesen nur durch 4× kleinere Tensoren; sie in benachbarte Faltungen zu fusionieren oder größere Batches bringen mehr.</translation>
    </message>
    <message>
        <source>More work per step (larger batch) or fewer steps (fusion).</source>
        <translation>Mehr Arbeit pro Schritt (größerer Batch) oder weniger Schritte (Fusion).</translation>
    </message>
    <message>
        <source>A CPU with AVX512-VNNI or AVX-VNNI (or --max-isa none to check whether it was capped).</source>
        <translation>Eine CPU mit AVX512-VNNI oder AVX-VNNI (oder --max-isa none, um zu prüfen, ob begrenzt wurde).</translation>
    </message>
    <message>
        <source>--seven-bit auto</source>
        <translation>--seven-bit auto</translation>
    </message>
    <message>
        <source>A larger batch reuses each weight more and makes the convolutions compute-bound.</source>
        <translation>Ein größerer Batch nutzt jedes Gewicht öfter und macht die Faltungen rechengebunden.</translation>
    </message>
    <message>
        <source>--layout auto, so that each precision runs in the formats its kernels prefer.</source>
        <translation>--layout auto, damit jede Genauigkeit in den Formaten läuft, die ihre Kernel bevorzugen.</translation>
    </message>
    <message>
        <source>Only one precision ran: no FP32 vs INT8 diagnosis.</source>
        <translation>Nur eine Genauigkeit lief: keine Diagnose FP32 gegen INT8.</translation>
    </message>
    <message>
        <source>INT8 %1 vs FP32 %2 (%3×); int8 kernels %4 of the %5 INT8 steps (%6%)</source>
        <translation>INT8 %1 gegen FP32 %2 (%3×); int8-Kernel %4 der %5 INT8-Schritte (%6 %)</translation>
    </message>
    <message>
        <source>Why INT8 is faster, and what it still pays for: %1</source>
        <translation>Warum INT8 schneller ist und wofür es noch zahlt: %1</translation>
    </message>
    <message>
        <source>Why INT8 is not faster: %1</source>
        <translation>Warum INT8 nicht schneller ist: %1</translation>
    </message>
</context>
<context>
    <name>HtmlReport</name>
    <message>
        <source>Whole model (median): FP32 %1 ms · INT8 %2 ms</source>
        <translation>Gesamtmodell (Median): FP32 %1 ms · INT8 %2 ms</translation>
    </message>
    <message>
        <source>speed-up %1×</source>
        <translation>Beschleunigung %1×</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Fazit</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Layers (fused graph nodes that ran)</source>
        <translation>Schichten (ausgeführte Knoten des fusionierten Graphen)</translation>
    </message>
    <message>
        <source>Steps the INT8 plan inserted</source>
        <translation>Vom INT8-Plan eingefügte Schritte</translation>
    </message>
    <message>
        <source>INT8 reference-kernel fallbacks</source>
        <translation>INT8-Ausweichungen auf Referenzkernel</translation>
    </message>
    <message>
        <source>Multiply-accumulates per run</source>
        <translation>Multiplikations-Additionen pro Lauf</translation>
    </message>
    <message>
        <source>Weights FP32</source>
        <translation>Gewichte FP32</translation>
    </message>
    <message>
        <source>Weights INT8</source>
        <translation>Gewichte INT8</translation>
    </message>
    <message>
        <source>How INT8 was obtained</source>
        <translation>Wie INT8 entstand</translation>
    </message>
    <message>
        <source>Fusion passes</source>
        <translation>Fusionsdurchläufe</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Profiled on</source>
        <translation>Profiliert am</translation>
    </message>
    <message>
        <source>%1 as run</source>
        <translation>%1 wie ausgeführt</translation>
    </message>
    <message>
        <source>, 7-bit activations</source>
        <translation>, 7-Bit-Aktivierungen</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>Laufeinstellungen</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>ISA oneDNN dispatches to</source>
        <translation>Von oneDNN genutzte ISA</translation>
    </message>
    <message>
        <source>INT8 VNNI</source>
        <translation>INT8-VNNI</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (u8×s8 through 16-bit saturating products)</source>
        <translation>nein (u8×s8 über sättigende 16-Bit-Produkte)</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>oneDNN</source>
        <translation>oneDNN</translation>
    </message>
    <message>
        <source>Peak resident memory</source>
        <translation>Maximaler residenter Speicher</translation>
    </message>
    <message>
        <source>Whole-model latency (ms)</source>
        <translation>Latenz des Gesamtmodells (ms)</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>median</source>
        <translation>Median</translation>
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
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>sd</source>
        <translation>SD</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Σ step medians</source>
        <translation>Σ Schritt-Mediane</translation>
    </message>
    <message>
        <source>outside steps</source>
        <translation>außerhalb der Schritte</translation>
    </message>
    <message>
        <source>Warm-up %1, %2 timed runs; per-step times come from the same runs. &quot;Outside steps&quot; = (whole mean − Σ step means) / whole mean.</source>
        <translation>Aufwärmen %1, %2 gemessene Läufe; die Zeiten pro Schritt stammen aus denselben Läufen. „Außerhalb der Schritte“ = (Gesamtmittel − Σ Schrittmittel) / Gesamtmittel.</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Outputs: INT8 against FP32</source>
        <translation>Ausgaben: INT8 gegenüber FP32</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>SQNR dB</source>
        <translation>SQNR dB</translation>
    </message>
    <message>
        <source>max |error|</source>
        <translation>max. |Fehler|</translation>
    </message>
    <message>
        <source>same top-1</source>
        <translation>gleiche Top-1</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>top-5</source>
        <translation>Top-5</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>split</source>
        <translation>Teilmenge</translation>
    </message>
    <message>
        <source>int8 kernels</source>
        <translation>int8-Kernel</translation>
    </message>
    <message>
        <source>inserted reorders / quantize</source>
        <translation>eingefügte Umordnungen / Quantisierung</translation>
    </message>
    <message>
        <source>reference fallbacks</source>
        <translation>Referenz-Ausweichkernel</translation>
    </message>
    <message>
        <source>layers left in f32</source>
        <translation>in f32 belassene Schichten</translation>
    </message>
    <message>
        <source>Where the INT8 time goes</source>
        <translation>Wohin die INT8-Zeit geht</translation>
    </message>
    <message>
        <source>Kind of step</source>
        <translation>Art des Schritts</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Σ medians ms</source>
        <translation>Σ Mediane ms</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>ISA %1, %2%3.</source>
        <translation>ISA %1, %2%3.</translation>
    </message>
    <message>
        <source>VNNI</source>
        <translation>VNNI</translation>
    </message>
    <message>
        <source>no VNNI</source>
        <translation>kein VNNI</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message numerus="yes">
        <source>Per-layer results (%n row(s), INT8 plan order)</source>
        <translation>
            <numerusform>Ergebnisse pro Schicht (%n Zeile, Reihenfolge des INT8-Plans)</numerusform>
            <numerusform>Ergebnisse pro Schicht (%n Zeilen, Reihenfolge des INT8-Plans)</numerusform>
        </translation>
    </message>
    <message>
        <source>Medians in ms; weights and output in KiB; impl, format and dtype as the INT8 plan runs the step (FP32 when it has no INT8 step). Rows in brown were inserted by the plan.</source>
        <translation>Mediane in ms; Gewichte und Ausgabe in KiB; Implementierung, Format und Datentyp so, wie der INT8-Plan den Schritt ausführt (FP32, wenn es keinen INT8-Schritt gibt). Braune Zeilen hat der Plan eingefügt.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Fused from</source>
        <translation>Fusioniert aus</translation>
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
        <translation>Beschleunigung</translation>
    </message>
    <message>
        <source>MMACs</source>
        <translation>MMACs</translation>
    </message>
    <message>
        <source>Weights KiB</source>
        <translation>Gewichte KiB</translation>
    </message>
    <message>
        <source>Output KiB</source>
        <translation>Ausgabe KiB</translation>
    </message>
    <message>
        <source>Impl</source>
        <translation>Impl.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>QuantLens report: %1</source>
        <translation>QuantLens-Bericht: %1</translation>
    </message>
    <message>
        <source>no run result to report</source>
        <translation>kein Laufergebnis für einen Bericht</translation>
    </message>
    <message>
        <source>%1 exists; not overwritten</source>
        <translation>%1 existiert; nicht überschrieben</translation>
    </message>
    <message>
        <source>cannot render the report for %1</source>
        <translation>Bericht für %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>95% CI of median</source>
        <translation>95-%-KI des Medians</translation>
    </message>
    <message>
        <source>Why INT8 is faster, and what it still pays for</source>
        <translation>Warum INT8 schneller ist und wofür es noch zahlt</translation>
    </message>
    <message>
        <source>Why INT8 is not faster</source>
        <translation>Warum INT8 nicht schneller ist</translation>
    </message>
    <message>
        <source>Nodes: %1</source>
        <translation>Knoten: %1</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
    <message>
        <source>Nothing but int8 kernels: the INT8 time is the kernels&apos; own.</source>
        <translation>Nur int8-Kernel: die INT8-Zeit ist die der Kernel selbst.</translation>
    </message>
    <message>
        <source>Calibration ranges and weight channels of the convolutions and linear layers with the worst SQNR: where an INT8 error starts, a clipped or too wide range or a per-tensor weight scale is the first suspect. The app shows them for any selected layer.</source>
        <translation>Kalibrierungsbereiche und Gewichtskanäle der Faltungen und linearen Schichten mit dem schlechtesten SQNR: wo ein INT8-Fehler beginnt, ist ein abgeschnittener oder zu weiter Bereich oder eine Gewichtsskala pro Tensor der erste Verdacht. Die App zeigt sie für jede gewählte Schicht.</translation>
    </message>
    <message>
        <source>Calibration ranges and weight channels of the convolutions and linear layers whose INT8 range clips most of the observed one: where the choice of method matters most. The app shows them for any selected layer.</source>
        <translation>Kalibrierungsbereiche und Gewichtskanäle der Faltungen und linearen Schichten, deren INT8-Bereich am meisten vom beobachteten abschneidet: wo die Wahl der Methode am meisten zählt. Die App zeigt sie für jede gewählte Schicht.</translation>
    </message>
    <message>
        <source>OpenMP runtime</source>
        <translation>OpenMP-Laufzeitbibliothek</translation>
    </message>
    <message>
        <source>Load average (1 minute) after the run</source>
        <translation>Systemlast (1 Minute) nach dem Lauf</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Warning: the load average was %1 with %2 thread(s): other processes competed for the cores, so these timings are not trustworthy. Profile again on a quiet machine.</source>
        <translation>Warnung: Die Systemlast betrug %1 bei %2 Thread(s): Andere Prozesse konkurrierten um die Kerne, daher sind diese Zeiten nicht verlässlich. Profilieren Sie erneut auf einer ruhigen Maschine.</translation>
    </message>
    <message>
        <source>SQNR: the layer&apos;s INT8 output against its FP32 output with the whole network in INT8, in dB; below 20 dB in red.</source>
        <translation>SQNR: die INT8-Ausgabe der Schicht gegen ihre FP32-Ausgabe, das ganze Netz in INT8, in dB; unter 20 dB rot.</translation>
    </message>
    <message>
        <source>%1: a report is written as HTML (.html, .htm) or PDF (.pdf); name the file so</source>
        <translation>%1: ein Bericht wird als HTML (.html, .htm) oder PDF (.pdf) geschrieben; benennen Sie die Datei entsprechend</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>NodeDescription</name>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tensor(s), %1 bytes</source>
        <translation>
            <numerusform>%n Tensor, %1 Bytes</numerusform>
            <numerusform>%n Tensoren, %1 Bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>(omitted)</source>
        <translation>(ausgelassen)</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>Konstante</translation>
    </message>
    <message>
        <source>quantization</source>
        <translation>Quantisierung</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>fused from</source>
        <translation>fusioniert aus</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Eingänge</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Ausgänge</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>std</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>elements</source>
        <translation>Elemente</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>Bytes</translation>
    </message>
</context>
<context>
    <name>OpKind</name>
    <message>
        <source>convolution</source>
        <translation>Faltung</translation>
    </message>
    <message>
        <source>matmul / gemm</source>
        <translation>MatMul / GEMM</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>Aktivierung</translation>
    </message>
    <message>
        <source>pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <source>normalization</source>
        <translation>Normalisierung</translation>
    </message>
    <message>
        <source>elementwise</source>
        <translation>elementweise</translation>
    </message>
    <message>
        <source>tensor / shape</source>
        <translation>Tensor / Form</translation>
    </message>
    <message>
        <source>quantize / dequantize</source>
        <translation>Quantisierung / Dequantisierung</translation>
    </message>
    <message>
        <source>other</source>
        <translation>sonstige</translation>
    </message>
</context>
<context>
    <name>ResultHeader</name>
    <message>
        <source>&lt;span style=&apos;color:#555&apos;&gt;Settings: %1 · inputs: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#555&apos;&gt;Einstellungen: %1 · Eingaben: %2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Whole model (median):&lt;/b&gt; FP32 %1 ms · INT8 %2 ms</source>
        <translation>&lt;b&gt;Gesamtmodell (Median):&lt;/b&gt; FP32 %1 ms · INT8 %2 ms</translation>
    </message>
    <message>
        <source> · &lt;b style=&apos;color:%1&apos;&gt;speed-up %2×&lt;/b&gt;</source>
        <translation> · &lt;b style=&apos;color:%1&apos;&gt;Beschleunigung %2×&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · INT8 steps sum %1 ms</source>
        <translation> · Summe der INT8-Schritte %1 ms</translation>
    </message>
    <message>
        <source>&lt;b&gt;Outputs INT8 vs FP32&lt;/b&gt; (%1): cosine %2 · SQNR %3 dB · same top-1: %4</source>
        <translation>&lt;b&gt;Ausgaben INT8 vs. FP32&lt;/b&gt; (%1): Kosinus %2 · SQNR %3 dB · gleiche Top-1: %4</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>&lt;b&gt;no&lt;/b&gt;</source>
        <translation>&lt;b&gt;nein&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy&lt;/b&gt; (%1 images of %2): FP32 top-1 %3% top-5 %4% · INT8 top-1 %5% top-5 %6%</source>
        <translation>&lt;b&gt;Genauigkeit&lt;/b&gt; (%1 Bilder aus %2): FP32 Top-1 %3 % Top-5 %4 % · INT8 Top-1 %5 % Top-5 %6 %</translation>
    </message>
    <message>
        <source>random inputs, seed %1</source>
        <translation>Zufallseingaben, Seed %1</translation>
    </message>
    <message>
        <source>t10k images %1..%2</source>
        <translation>t10k-Bilder %1..%2</translation>
    </message>
</context>
<context>
    <name>RunDigest</name>
    <message>
        <source>Only one precision ran, so there is no FP32 vs INT8 answer.</source>
        <translation>Nur eine Präzision lief, daher gibt es keine Antwort zu FP32 vs. INT8.</translation>
    </message>
    <message>
        <source>with VNNI on %1</source>
        <translation>mit VNNI auf %1</translation>
    </message>
    <message>
        <source>without VNNI on %1%2</source>
        <translation>ohne VNNI auf %1%2</translation>
    </message>
    <message>
        <source>, so activations are 7-bit</source>
        <translation>, daher sind die Aktivierungen 7-Bit</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n inserted reorder/quantize step(s)</source>
        <translation>
            <numerusform>%1 in %n eingefügtem Umordnungs-/Quantisierungsschritt</numerusform>
            <numerusform>%1 in %n eingefügten Umordnungs-/Quantisierungsschritten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n reference fallback(s)</source>
        <translation>
            <numerusform>%1 in %n Referenz-Ausweichkernel</numerusform>
            <numerusform>%1 in %n Referenz-Ausweichkerneln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n layer(s) left in f32</source>
        <translation>
            <numerusform>%1 in %n in f32 belassenen Schicht</numerusform>
            <numerusform>%1 in %n in f32 belassenen Schichten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of INT8 time is in %n int8 kernel(s)</source>
        <translation>
            <numerusform>%1 der INT8-Zeit liegt in %n int8-Kernel</numerusform>
            <numerusform>%1 der INT8-Zeit liegt in %n int8-Kerneln</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes: INT8 is %1× faster here; %2 %3%4.</source>
        <translation>Ja: INT8 ist hier %1× schneller; %2 %3%4.</translation>
    </message>
    <message>
        <source>, the rest: %1</source>
        <translation>, der Rest: %1</translation>
    </message>
    <message>
        <source>No real gain: INT8 runs at %1× of FP32; %2 %3%4.</source>
        <translation>Kein echter Gewinn: INT8 läuft mit %1× von FP32; %2 %3%4.</translation>
    </message>
    <message>
        <source>, while %1</source>
        <translation>, während %1</translation>
    </message>
    <message>
        <source>No: INT8 is slower here (%1× of FP32): %2; %3 %4.</source>
        <translation>Nein: INT8 ist hier langsamer (%1× von FP32): %2; %3 %4.</translation>
    </message>
    <message>
        <source>of INT8 time, %1</source>
        <translation>der INT8-Zeit: %1</translation>
    </message>
    <message>
        <source>its int8 kernels themselves are not faster than FP32&apos;s at this size</source>
        <translation>seine int8-Kernel selbst sind bei dieser Größe nicht schneller als die von FP32</translation>
    </message>
    <message>
        <source>Not certain: </source>
        <translation>Nicht sicher: </translation>
    </message>
    <message>
        <source>INT8&apos;s median is %1× faster, but the p10–p90 spreads overlap (the runs varied that much); %2 %3%4.</source>
        <translation>Der INT8-Median ist %1× schneller, aber die p10–p90-Spannen überlappen (so stark schwankten die Läufe); %2 %3%4.</translation>
    </message>
    <message>
        <source>INT8&apos;s median is slower (%1× of FP32), but the p10–p90 spreads overlap (the runs varied that much): %2; %3 %4.</source>
        <translation>Der INT8-Median ist langsamer (%1× von FP32), aber die p10–p90-Spannen überlappen (so stark schwankten die Läufe): %2; %3 %4.</translation>
    </message>
</context>
<context>
    <name>RunSettings</name>
    <message>
        <source>asymmetric u8</source>
        <translation>asymmetrisch u8</translation>
    </message>
    <message>
        <source>symmetric s8</source>
        <translation>symmetrisch s8</translation>
    </message>
    <message>
        <source>7-bit auto</source>
        <translation>7-Bit automatisch</translation>
    </message>
    <message>
        <source>7-bit on</source>
        <translation>7-Bit an</translation>
    </message>
    <message>
        <source>7-bit off</source>
        <translation>7-Bit aus</translation>
    </message>
    <message>
        <source>layout %1</source>
        <translation>Layout %1</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n Thread</numerusform>
            <numerusform>%n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>threads: all cores</source>
        <translation>Threads: alle Kerne</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>Batch %1</translation>
    </message>
    <message>
        <source>%1+%2 runs</source>
        <translation>%1+%2 Läufe</translation>
    </message>
    <message>
        <source>ISA ≤ %1</source>
        <translation>ISA ≤ %1</translation>
    </message>
    <message>
        <source>FP32: %1</source>
        <translation>FP32: %1</translation>
    </message>
    <message>
        <source>accuracy on %1 images</source>
        <translation>Genauigkeit auf %1 Bildern</translation>
    </message>
    <message>
        <source>accuracy on t10k</source>
        <translation>Genauigkeit auf t10k</translation>
    </message>
    <message>
        <source>weights per tensor</source>
        <translation>Gewichte pro Tensor</translation>
    </message>
    <message>
        <source>weights per channel</source>
        <translation>Gewichte pro Kanal</translation>
    </message>
    <message>
        <source>kernels timed</source>
        <translation>Kernel gemessen</translation>
    </message>
    <message>
        <source>row bands off</source>
        <translation>Zeilenbänder aus</translation>
    </message>
    <message>
        <source>%1 on the profiled inputs</source>
        <translation>%1 auf den profilierten Eingaben</translation>
    </message>
</context>
<context>
    <name>SafeWrite</name>
    <message>
        <source>no file name given</source>
        <translation>kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>%1 exists; not overwritten</source>
        <translation>%1 existiert; nicht überschrieben</translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation>%1 ist ein Ordner</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>QuantLens: int8 quantization profiler for ONNX classifiers</source>
        <translation>QuantLens: Profiler für die int8-Quantisierung von ONNX-Klassifikatoren</translation>
    </message>
    <message>
        <source>ONNX model to open</source>
        <translation>zu öffnendes ONNX-Modell</translation>
    </message>
    <message>
        <source>Save a PNG of the main window once the graphs are drawn (after the results with --run).</source>
        <translation>Ein PNG des Hauptfensters speichern, sobald die Graphen gezeichnet sind (mit --run nach den Ergebnissen).</translation>
    </message>
    <message>
        <source>Exit after opening (and the screenshot).</source>
        <translation>Nach dem Öffnen (und dem Bildschirmfoto) beenden.</translation>
    </message>
    <message>
        <source>Also measure top-1/top-5 on this Fashion-MNIST IDX folder.</source>
        <translation>Zusätzlich Top-1/Top-5 auf diesem Fashion-MNIST-IDX-Ordner messen.</translation>
    </message>
    <message>
        <source>Run FP32 vs INT8 once the model is open.</source>
        <translation>FP32 vs. INT8 ausführen, sobald das Modell geöffnet ist.</translation>
    </message>
    <message>
        <source>With --run: write the report (FILE.html or FILE.pdf) once the results are in.</source>
        <translation>Mit --run: den Bericht (DATEI.html oder DATEI.pdf) schreiben, sobald die Ergebnisse vorliegen.</translation>
    </message>
    <message>
        <source>expected at most one model, got %1</source>
        <translation>höchstens ein Modell erwartet, %1 erhalten</translation>
    </message>
    <message>
        <source>--run needs a model</source>
        <translation>--run braucht ein Modell</translation>
    </message>
    <message>
        <source>--report needs --run</source>
        <translation>--report braucht --run</translation>
    </message>
    <message>
        <source>Open this `quantlens-cli bench` output folder in the Benchmark window (the screenshot is then of that window).</source>
        <translation>Diesen Ausgabeordner von `quantlens-cli bench` im Benchmark-Fenster öffnen (der Screenshot zeigt dann dieses Fenster).</translation>
    </message>
    <message>
        <source>With --run: show this chart in the Charts tab once the results are in (layer-latency, int8-causes, memory-timeline, activation-histogram, weight-channels, ...), for the screenshot; per-layer charts show the slowest layer.</source>
        <translation>Mit --run: dieses Diagramm im Reiter Diagramme zeigen, sobald die Ergebnisse da sind (layer-latency, int8-causes, memory-timeline, activation-histogram, weight-channels, ...), für das Bildschirmfoto; Diagramme pro Schicht zeigen die langsamste Schicht.</translation>
    </message>
    <message>
        <source>--chart needs --run</source>
        <translation>--chart braucht --run</translation>
    </message>
    <message>
        <source>--chart %1: no such chart; one of %2</source>
        <translation>--chart %1: kein solches Diagramm; eines von %2</translation>
    </message>
    <message>
        <source>Replace existing --report and --screenshot files.</source>
        <translation>Vorhandene --report- und --screenshot-Dateien ersetzen.</translation>
    </message>
    <message>
        <source>--screenshot %1: not an image file name (.png, .jpg, .bmp, ...)</source>
        <translation>--screenshot %1: kein Bilddateiname (.png, .jpg, .bmp, ...)</translation>
    </message>
</context>
<context>
    <name>ql::gui::BenchPage</name>
    <message>
        <source>Open a benchmark folder</source>
        <translation>Benchmark-Ordner öffnen</translation>
    </message>
    <message>
        <source>Open benchmark...</source>
        <translation>Benchmark öffnen …</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Precision:</source>
        <translation>Präzision:</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>Batch:</translation>
    </message>
    <message>
        <source>Plot:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <source>No benchmark open. Run `quantlens-cli bench ... --out DIR`, then open DIR here.</source>
        <translation>Kein Benchmark geöffnet. `quantlens-cli bench ... --out DIR` ausführen, dann DIR hier öffnen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, oneDNN ISA %3%4, oneDNN %5, quantlens %6&lt;br&gt;%7 trials per configuration (fresh processes), %8 warm-up + %9 timed runs each; shards %10%11. Intervals: 95% two-level bootstrap; p: Welch&apos;s t on log trial medians, Holm-corrected.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, oneDNN-ISA %3%4, oneDNN %5, quantlens %6&lt;br&gt;%7 Durchgänge pro Konfiguration (jeweils neuer Prozess), je %8 Aufwärm- + %9 gemessene Läufe; Shards %10%11. Intervalle: 95-%-Bootstrap auf zwei Ebenen; p: Welch-t-Test auf log. Durchgangsmedianen, Holm-korrigiert.</translation>
    </message>
    <message>
        <source> (VNNI)</source>
        <translation> (VNNI)</translation>
    </message>
    <message>
        <source> (no VNNI)</source>
        <translation> (kein VNNI)</translation>
    </message>
    <message>
        <source> — incomplete</source>
        <translation> — unvollständig</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
</context>
<context>
    <name>ql::gui::BenchTableModel</name>
    <message>
        <source>Welch&apos;s t on log trial medians: p = %1 (df %2); Mann-Whitney U on trial medians: p = %3; Holm-corrected over %4 pair(s)</source>
        <translation>Welch-t auf log. Durchgangsmedianen: p = %1 (FG %2); Mann-Whitney-U auf Durchgangsmedianen: p = %3; Holm-korrigiert über %4 Paar(e)</translation>
    </message>
    <message>
        <source> (7-bit)</source>
        <translation> (7 Bit)</translation>
    </message>
    <message>
        <source>n/a (1 trial)</source>
        <translation>k. A. (1 Durchgang)</translation>
    </message>
    <message>
        <source>%1 (n.s.)</source>
        <translation>%1 (n. s.)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Trials × runs</source>
        <translation>Durchgänge × Läufe</translation>
    </message>
    <message>
        <source>ms / image</source>
        <translation>ms / Bild</translation>
    </message>
    <message>
        <source>95% CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <source>Images / s</source>
        <translation>Bilder / s</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>Beschleunigung</translation>
    </message>
    <message>
        <source>Speed-up 95% CI</source>
        <translation>Beschleunigung 95-%-KI</translation>
    </message>
    <message>
        <source>p (Holm)</source>
        <translation>p (Holm)</translation>
    </message>
    <message>
        <source>Weights MiB</source>
        <translation>Gewichte MiB</translation>
    </message>
    <message>
        <source>Peak RSS MiB</source>
        <translation>Max. RSS MiB</translation>
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
        <translation>Schichten:</translation>
    </message>
    <message>
        <source>execution order</source>
        <translation>Ausführungsreihenfolge</translation>
    </message>
    <message>
        <source>sorted (slowest / lowest speed-up first)</source>
        <translation>sortiert (langsamste / geringste Beschleunigung zuerst)</translation>
    </message>
    <message>
        <source>Export PNG...</source>
        <translation>PNG exportieren …</translation>
    </message>
    <message>
        <source>Export SVG...</source>
        <translation>SVG exportieren …</translation>
    </message>
    <message>
        <source>Run FP32 vs INT8 (Ctrl+R) to see per-layer latency, speed-up and error, where the INT8 time goes and why, the whole-model latency spread, memory over the steps, and the selected layer&apos;s activation histogram with every calibration method&apos;s range and its per-channel weight ranges.</source>
        <translation>Führen Sie FP32 gegen INT8 aus (Strg+R), um Latenz, Beschleunigung und Fehler pro Schicht zu sehen, wohin die INT8-Zeit geht und warum, die Streuung der Modell-Latenz, den Speicher über die Schritte sowie das Aktivierungshistogramm der gewählten Schicht mit dem Bereich jeder Kalibrierungsmethode und ihre Gewichtsbereiche pro Kanal.</translation>
    </message>
</context>
<context>
    <name>ql::gui::GraphPanel</name>
    <message>
        <source>Search name or op</source>
        <translation>Name oder Op suchen</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>laying out %1 nodes...</source>
        <translation>%1 Knoten werden angeordnet …</translation>
    </message>
    <message>
        <source>%1 nodes, %2 edges · %3 layout %4 ms</source>
        <translation>%1 Knoten, %2 Kanten · %3-Layout %4 ms</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>layout failed: %1</source>
        <translation>Layout fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ql::gui::LayerTableModel</name>
    <message>
        <source>Inserted by the plan (not a graph node): %1</source>
        <translation>Vom Plan eingefügt (kein Graphknoten): %1</translation>
    </message>
    <message>
        <source>%1: %2 ms (p10 %3, p90 %4), %5, %6 %7</source>
        <translation>%1: %2 ms (p10 %3, p90 %4), %5, %6 %7</translation>
    </message>
    <message>
        <source>  reference because: %1</source>
        <translation>  Referenz, weil: %1</translation>
    </message>
    <message>
        <source>  note: %1</source>
        <translation>  Hinweis: %1</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Op</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>Fused from</source>
        <translation>Fusioniert aus</translation>
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
        <translation>Beschleunigung</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Impl</source>
        <translation>Impl.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Dtype</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>Median over the timed runs</source>
        <translation>Median über die gemessenen Läufe</translation>
    </message>
    <message>
        <source>FP32 median / INT8 median</source>
        <translation>Median FP32 / Median INT8</translation>
    </message>
    <message>
        <source>As the INT8 plan runs the layer (FP32 when there is no INT8 step); the tooltip has both</source>
        <translation>So, wie der INT8-Plan die Schicht ausführt (FP32, wenn es keinen INT8-Schritt gibt); der Tooltip zeigt beide</translation>
    </message>
    <message>
        <source>SQNR dB</source>
        <translation>SQNR dB</translation>
    </message>
    <message>
        <source>Cosine</source>
        <translation>Kosinus</translation>
    </message>
    <message>
        <source>INT8 output of the layer against its FP32 output, whole network in INT8, on the profiled inputs</source>
        <translation>INT8-Ausgabe der Schicht gegenüber ihrer FP32-Ausgabe, das ganze Netz in INT8, auf den profilierten Eingaben</translation>
    </message>
</context>
<context>
    <name>ql::gui::LegendWidget</name>
    <message>
        <source>Op kind</source>
        <translation>Op-Art</translation>
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
        <translation>Original</translation>
    </message>
    <message>
        <source>Fused</source>
        <translation>Fusioniert</translation>
    </message>
    <message>
        <source>probing CPU...</source>
        <translation>CPU wird geprüft …</translation>
    </message>
    <message>
        <source>Open an ONNX model (File &gt; Open, or drop it here).</source>
        <translation>Ein ONNX-Modell öffnen (Datei &gt; Öffnen, oder hierher ziehen).</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open ONNX model</source>
        <translation>ONNX-Modell öffnen</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX-Modelle (*.onnx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF report (*.pdf)</source>
        <translation>HTML-Bericht (*.html);;PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <source>Export &amp;report (HTML or PDF)...</source>
        <translation>&amp;Bericht exportieren (HTML oder PDF) …</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>nothing to export</source>
        <translation>nichts zu exportieren</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <source>Current chart as PNG...</source>
        <translation>Aktuelles Diagramm als PNG …</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source>Current chart as SVG...</source>
        <translation>Aktuelles Diagramm als SVG …</translation>
    </message>
    <message>
        <source>Export graph view</source>
        <translation>Graphansicht exportieren</translation>
    </message>
    <message>
        <source>Original graph view as %1...</source>
        <translation>Originale Graphansicht als %1 …</translation>
    </message>
    <message>
        <source>Right-hand graph view as %1...</source>
        <translation>Rechte Graphansicht als %1 …</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Bildschirmfoto speichern</translation>
    </message>
    <message>
        <source>Window screenshot as PNG...</source>
        <translation>Bildschirmfoto des Fensters als PNG …</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Per-layer table as CSV...</source>
        <translation>Tabelle pro Schicht als CSV …</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Per-layer table as JSON...</source>
        <translation>Tabelle pro Schicht als JSON …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Fit graphs</source>
        <translation>Graphen &amp;einpassen</translation>
    </message>
    <message>
        <source>&amp;Find node...</source>
        <translation>Knoten &amp;suchen …</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>Run FP32 vs INT8</source>
        <translation>FP32 vs. INT8 ausführen</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source> Colour: </source>
        <translation> Farbe: </translation>
    </message>
    <message>
        <source>Op kind</source>
        <translation>Op-Art</translation>
    </message>
    <message>
        <source>FP32 latency</source>
        <translation>FP32-Latenz</translation>
    </message>
    <message>
        <source>INT8 latency</source>
        <translation>INT8-Latenz</translation>
    </message>
    <message>
        <source>Speed-up</source>
        <translation>Beschleunigung</translation>
    </message>
    <message>
        <source>Quantized (INT8 plan dtype)</source>
        <translation>Quantisiert (Datentyp im INT8-Plan)</translation>
    </message>
    <message>
        <source>Colour the graphs by op kind or, after a run, by its figures</source>
        <translation>Graphen nach Op-Art oder, nach einem Lauf, nach dessen Kennzahlen einfärben</translation>
    </message>
    <message>
        <source>Passes</source>
        <translation>Durchläufe</translation>
    </message>
    <message>
        <source>Run settings</source>
        <translation>Laufeinstellungen</translation>
    </message>
    <message>
        <source>Node inspector</source>
        <translation>Knoteninspektor</translation>
    </message>
    <message>
        <source>Select a node.</source>
        <translation>Einen Knoten auswählen.</translation>
    </message>
    <message>
        <source>Per-layer results</source>
        <translation>Ergebnisse pro Schicht</translation>
    </message>
    <message>
        <source>Filter layers by name, op, fused-from, impl, format or dtype</source>
        <translation>Schichten nach Name, Op, Fusioniert-aus, Implementierung, Format oder Datentyp filtern</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Liste leeren</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <source>Opened %1: %2 nodes, %3 after fusion (import and passes %4 ms)</source>
        <translation>%1 geöffnet: %2 Knoten, %3 nach der Fusion (Import und Durchläufe %4 ms)</translation>
    </message>
    <message>
        <source>Could not open: %1</source>
        <translation>Öffnen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Could not open model</source>
        <translation>Modell konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 stays open.</source>
        <translation>%1 bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Quantized (fused graph as the INT8 plan runs it)</source>
        <translation>Quantisiert (fusionierter Graph, wie der INT8-Plan ihn ausführt)</translation>
    </message>
    <message>
        <source>Fused (after %1)</source>
        <translation>Fusioniert (nach %1)</translation>
    </message>
    <message>
        <source>After %1</source>
        <translation>Nach %1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>implementation</source>
        <translation>Implementierung</translation>
    </message>
    <message>
        <source>reference because</source>
        <translation>Referenz, weil</translation>
    </message>
    <message>
        <source>memory format</source>
        <translation>Speicherformat</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>Datentyp</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>speed-up</source>
        <translation>Beschleunigung</translation>
    </message>
    <message>
        <source>measured as</source>
        <translation>gemessen als</translation>
    </message>
    <message>
        <source>%1: &lt;b&gt;%2&lt;/b&gt; (%3)</source>
        <translation>%1: &lt;b&gt;%2&lt;/b&gt; (%3)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Profile FP32 and INT8 with the run settings (Ctrl+R)</source>
        <translation>FP32 und INT8 mit den Laufeinstellungen profilieren (Strg+R)</translation>
    </message>
    <message>
        <source>Run settings: %1</source>
        <translation>Laufeinstellungen: %1</translation>
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
        <translation>Start … %p %</translation>
    </message>
    <message>
        <source>Running FP32 vs INT8 (%1)…</source>
        <translation>FP32 vs. INT8 läuft (%1) …</translation>
    </message>
    <message>
        <source>Run cancelled after %1 s; the previous results stay.</source>
        <translation>Lauf nach %1 s abgebrochen; die vorherigen Ergebnisse bleiben.</translation>
    </message>
    <message>
        <source>Run failed: %1</source>
        <translation>Lauf fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <source>cancelling… %p%</source>
        <translation>Abbruch … %p %</translation>
    </message>
    <message>
        <source>Cancelling the run…</source>
        <translation>Lauf wird abgebrochen …</translation>
    </message>
    <message>
        <source>
(as used by the last run)</source>
        <translation>
(wie vom letzten Lauf verwendet)</translation>
    </message>
    <message>
        <source>no run to report: run FP32 vs INT8 first</source>
        <translation>kein Lauf für einen Bericht: zuerst FP32 vs. INT8 ausführen</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <source>FP32 latency (ms, median)</source>
        <translation>FP32-Latenz (ms, Median)</translation>
    </message>
    <message>
        <source>INT8 latency (ms, median)</source>
        <translation>INT8-Latenz (ms, Median)</translation>
    </message>
    <message>
        <source>Speed-up FP32/INT8 (×, 1 = same)</source>
        <translation>Beschleunigung FP32/INT8 (×, 1 = gleich)</translation>
    </message>
    <message>
        <source>INT8 plan: green int8, red f32 · %1 int8, %2 f32 nodes, %3 inserted steps</source>
        <translation>INT8-Plan: grün int8, rot f32 · %1 int8-, %2 f32-Knoten, %3 eingefügte Schritte</translation>
    </message>
    <message>
        <source>Press Run FP32 vs INT8 (Ctrl+R) for per-layer results.</source>
        <translation>FP32 vs. INT8 ausführen (Strg+R) für Ergebnisse pro Schicht.</translation>
    </message>
    <message>
        <source>Open a model and press Run FP32 vs INT8 (Ctrl+R): per-layer FP32 and INT8 latency, speed-up, implementation, memory format and dtype appear here.</source>
        <translation>Ein Modell öffnen und FP32 vs. INT8 ausführen (Strg+R): Latenz von FP32 und INT8 pro Schicht, Beschleunigung, Implementierung, Speicherformat und Datentyp erscheinen hier.</translation>
    </message>
    <message>
        <source>Error (SQNR)</source>
        <translation>Fehler (SQNR)</translation>
    </message>
    <message>
        <source>FP32 vs INT8 error: SQNR (dB, higher is better)</source>
        <translation>Fehler FP32 vs. INT8: SQNR (dB, höher ist besser)</translation>
    </message>
    <message>
        <source>Open &amp;Benchmark...</source>
        <translation>&amp;Benchmark öffnen …</translation>
    </message>
    <message>
        <source>QuantLens — Benchmark</source>
        <translation>QuantLens — Benchmark</translation>
    </message>
    <message>
        <source>Run finished in %1 s; results shown %2 s after the click.</source>
        <translation>Lauf in %1 s beendet; Ergebnisse %2 s nach dem Klick angezeigt.</translation>
    </message>
</context>
<context>
    <name>ql::gui::Minimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Übersicht: klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>ql::gui::PassListModel</name>
    <message>
        <source>Imported graph: %1 nodes.</source>
        <translation>Importierter Graph: %1 Knoten.</translation>
    </message>
    <message>
        <source>%1: %2 -&gt; %3 nodes, %4 ms</source>
        <translation>%1: %2 -&gt; %3 Knoten, %4 ms</translation>
    </message>
    <message>
        <source>removed:</source>
        <translation>entfernt:</translation>
    </message>
    <message>
        <source>created:</source>
        <translation>erzeugt:</translation>
    </message>
    <message>
        <source>  (no change)</source>
        <translation>  (keine Änderung)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erzeugt</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>  %1 &apos;%2&apos; merged into %3 &apos;%4&apos;</source>
        <translation>  %1 &apos;%2&apos; in %3 &apos;%4&apos; zusammengeführt</translation>
    </message>
</context>
<context>
    <name>ql::gui::PropertyTreeModel</name>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>ql::gui::SettingsPanel</name>
    <message>
        <source>%1 (not available)</source>
        <translation>%1 (nicht verfügbar)</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>symmetric s8</source>
        <translation>symmetrisch s8</translation>
    </message>
    <message>
        <source>asymmetric u8</source>
        <translation>asymmetrisch u8</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Aktivierungen</translation>
    </message>
    <message>
        <source>auto (without VNNI)</source>
        <translation>automatisch (ohne VNNI)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>7-bit activations avoid u8×s8 saturation on CPUs without VNNI.</source>
        <translation>7-Bit-Aktivierungen vermeiden die u8×s8-Sättigung auf CPUs ohne VNNI.</translation>
    </message>
    <message>
        <source>7-bit</source>
        <translation>7-Bit</translation>
    </message>
    <message>
        <source>Executor</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>all cores</source>
        <translation>alle Kerne</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Warm-up runs (not timed)</source>
        <translation>Aufwärmläufe (nicht gemessen)</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>Gemessene Läufe</translation>
    </message>
    <message>
        <source>Warm-up + runs</source>
        <translation>Aufwärmen + Läufe</translation>
    </message>
    <message>
        <source>all (e.g. avx2)</source>
        <translation>alle (z. B. avx2)</translation>
    </message>
    <message>
        <source>Max ISA</source>
        <translation>Max. ISA</translation>
    </message>
    <message>
        <source>node names or op types, comma-separated</source>
        <translation>Knotennamen oder Op-Typen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Kept in FP32 in INT8 runs.</source>
        <translation>Bleiben in INT8-Läufen in FP32.</translation>
    </message>
    <message>
        <source>FP32 fallback</source>
        <translation>FP32-Ausnahmen</translation>
    </message>
    <message>
        <source>Folder with the four Fashion-MNIST IDX files</source>
        <translation>Ordner mit den vier Fashion-MNIST-IDX-Dateien</translation>
    </message>
    <message>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>top-1/top-5 on</source>
        <translation>Top-1/Top-5 auf</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source> images</source>
        <translation> Bildern</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Fashion-MNIST folder</source>
        <translation>Fashion-MNIST-Ordner</translation>
    </message>
    <message>
        <source>Share of the values kept inside the range; the rest are clipped.</source>
        <translation>Anteil der Werte, die im Bereich bleiben; der Rest wird abgeschnitten.</translation>
    </message>
    <message>
        <source>s8 per output channel</source>
        <translation>s8 pro Ausgabekanal</translation>
    </message>
    <message>
        <source>s8 per tensor</source>
        <translation>s8 pro Tensor</translation>
    </message>
    <message>
        <source>One weight scale per output channel, or one for the whole tensor.</source>
        <translation>Ein Gewichtsskalierungsfaktor pro Ausgabekanal oder einer für den ganzen Tensor.</translation>
    </message>
    <message>
        <source>time the candidates</source>
        <translation>Kandidaten messen</translation>
    </message>
    <message>
        <source>Times oneDNN&apos;s implementations of each convolution that keep its layouts and runs the fastest; the plan takes longer to build. Off: oneDNN&apos;s first choice.</source>
        <translation>Misst die oneDNN-Implementierungen jeder Faltung, die ihre Layouts beibehalten, und nutzt die schnellste; der Plan braucht länger zum Erstellen. Aus: die erste Wahl von oneDNN.</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>row bands</source>
        <translation>Zeilenbänder</translation>
    </message>
    <message>
        <source>Runs consecutive NHWC convolutions at batch 1 as one parallel region, each thread a band of rows: one thread start per run of layers instead of per layer. Off: oneDNN&apos;s own threading per layer.</source>
        <translation>Führt aufeinanderfolgende NHWC-Faltungen bei Batch 1 als einen parallelen Bereich aus, jeder Thread ein Band von Zeilen: ein Thread-Start pro Folge von Schichten statt pro Schicht. Aus: das eigene Threading von oneDNN pro Schicht.</translation>
    </message>
    <message>
        <source>Threading</source>
        <translation>Threading</translation>
    </message>
    <message>
        <source>Calibration images from the data set&apos;s train split; used when accuracy is evaluated (without a data set, INT8 calibrates on the profiled inputs).</source>
        <translation>Kalibrierungsbilder aus dem Trainings-Split des Datensatzes; verwendet, wenn die Genauigkeit ausgewertet wird (ohne Datensatz kalibriert INT8 auf den profilierten Eingaben).</translation>
    </message>
    <message>
        <source>This model fixes its batch at %1 (its input shape declares it), so it runs at that batch only. Export it with a symbolic batch dimension to run others.</source>
        <translation>Dieses Modell legt seine Batchgröße auf %1 fest (seine Eingabeform gibt sie vor) und läuft nur mit dieser Batchgröße. Exportieren Sie es mit einer symbolischen Batch-Dimension, um andere zu verwenden.</translation>
    </message>
</context>
</TS>
