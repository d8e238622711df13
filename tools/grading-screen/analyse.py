# Metrics of the GPU screen's out-of-fold predictions, per seed and per three-seed ensemble, beside the shipped C# ensemble.
# usage: python3 analyse.py crops.npz RESULTS_DIR
import json, numpy as np, glob
from sklearn.metrics import roc_auc_score, cohen_kappa_score
import sys
d = np.load(sys.argv[1]); Y = d['Y']
OFF = np.cumsum([0,5,4,2,2,2,2,2,2])
names = ['pfirrmann','modic','herniation','bulging','narrowing','spondylolisthesis','endplate_upper','endplate_lower']
def metrics(P):
    r = {}
    pf = P[:, 0:5]; cum = np.cumsum(pf, 1); g = (cum >= 0.5 * cum[:, -1:]).argmax(1); y = Y[:, 0]
    r['kappa'] = cohen_kappa_score(y, g, weights='linear'); r['acc'] = np.mean(g == y)
    r['modic_any'] = roc_auc_score(Y[:, 1] > 0, 1 - P[:, OFF[1]])
    for h in range(2, 8): r[names[h]] = roc_auc_score(Y[:, h], P[:, OFF[h] + 1])
    keys = ['kappa', 'modic_any', 'herniation', 'bulging', 'narrowing', 'spondylolisthesis', 'endplate_upper', 'endplate_lower']
    r['mean8'] = np.mean([r[k] for k in keys])
    return r
oof = {}
for f in glob.glob(sys.argv[2] + '/res_*.json'):
    r = json.load(open(f))
    for s, P in r['oof'].items(): oof[(r['config'], int(s))] = np.array(P)
def show(label, P):
    m = metrics(P); print(f"{label:28s}", ' '.join(f"{k[:6]}={v:.3f}" for k, v in m.items()))
for c in ['base','basectx','long','lvl','ctx','ctxwide']:
    for s in [42,43,44]:
        if (c,s) in oof: show(f'{c} seed {s}', oof[(c,s)])
    ss = [s for s in [42,43,44] if (c,s) in oof]
    if len(ss) > 1: show(f'{c} ENS {ss}', np.mean([oof[(c,s)] for s in ss], 0))
show('C# shipped 13-net', d['ens'])
