"""Prints the README's verification table from the JSON reports of run-evaluations.sh."""
import json
import sys
from pathlib import Path

folder = Path(sys.argv[1])
def f(x, digits=2):
    return "-" if x is None else f"{x:.{digits}f}"

print("| data | met | lead | n | RMSE model / persistence / climatology | CSI>200 model / persistence | "
      "BSS>200 | CSI>300 model / persistence | level accuracy model / persistence |")
print("|---|---|---|---|---|---|---|---|---|")
for name in ["beijing", "chengdu", "guangzhou", "shanghai", "beijing-us-embassy"]:
    for met in ["perfect", "none"]:
        report = json.loads((folder / f"{name}-{met}.json").read_text())
        for lead in report["leads"]:
            m, p, c = lead["model"], lead["persistence"], lead["climatology"]
            print(f"| {name} | {met} | {lead['lead']} | {m['n']} | {f(m['rmse'],1)} / {f(p['rmse'],1)} / "
                  f"{f(c['rmse'],1)} | {f(m['above200']['csi'])} / {f(p['above200']['csi'])} | "
                  f"{f(m['above200']['brierSkill'])} | {f(m['above300']['csi'])} / {f(p['above300']['csi'])} | "
                  f"{f(m['levelAccuracy'])} / {f(p['levelAccuracy'])} |")
