# The chart of a bench/run: mdj's ratio to its peer for every comparison of summary.md.
# usage: gnuplot -e "data='ratios.tsv'; out='chart.png'" bench/tools/chart.gp
# Each bar runs from 1x to the ratio on a logarithmic axis: up (green) where mdj does better,
# down (red) where the peer does.
set terminal pngcairo size 1500,740 font ",10"
set output out
set datafile separator "\t"
set title "mdj / peer, higher is better for mdj (summary.md of one bench/run)"
set style fill solid 0.85 border -1
set logscale y 2
set yrange [0.03:32]
set ytics ("1/32" 0.03125, "1/16" 0.0625, "1/8" 0.125, "1/4" 0.25, "1/2" 0.5, "1x" 1, "2x" 2, "4x" 4, "8x" 8, "16x" 16, "32x" 32)
set grid ytics
set xtics rotate by -50 left noenhanced
set bmargin 16
set rmargin 16
set key off
plot data using 0:2:($0 - 0.4):($0 + 0.4):(1):2:($2 >= 1 ? 0x2e8b57 : 0xc0392b):xtic(1) with boxxyerror linecolor rgb variable, \
     1 with lines linecolor rgb "#444444" linewidth 1.5
