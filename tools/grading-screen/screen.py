# GPU screen of disc-grading recipes on DiscScope's own crops and folds (exploration only: shipped models are trained by `discscope train`).
# usage: python3 screen.py CONFIG OUTDIR BUDGET_S [EPOCH_CAP]
import os, sys, json, time, math
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from sklearn.metrics import roc_auc_score, cohen_kappa_score

T0 = time.time()
HEADS = [('pfirrmann', 5), ('modic', 4), ('herniation', 2), ('bulging', 2), ('narrowing', 2), ('spondylolisthesis', 2), ('endplate_upper', 2), ('endplate_lower', 2)]
OFF = np.cumsum([0] + [c for _, c in HEADS])
BASE = dict(base=16, blocks=1, opt='adam', lr=2e-3, wd=1e-5, epochs=40, patience=8, sched='const', ls=0.0, ctx=False, lvl=False, select='bacc', seeds=[42, 43, 44])
LONG = dict(BASE, opt='adamw', wd=5e-4, epochs=60, patience=0, sched='cos', ls=0.05, select='last')
CONFIGS = {
    'base': BASE,
    'long': LONG,
    'lvl': dict(LONG, lvl=True),
    'ctx': dict(LONG, lvl=True, ctx=True),
    'ctxwide': dict(LONG, lvl=True, ctx=True, base=32, blocks=2),
    'ctx120': dict(LONG, lvl=True, ctx=True, epochs=120),
    'basectx': dict(BASE, lvl=True, ctx=True),
}
name, outdir, budget = sys.argv[1], sys.argv[2], float(sys.argv[3])
cap = int(sys.argv[4]) if len(sys.argv) > 4 else 0
cfg = dict(CONFIGS[name])
if len(sys.argv) > 5: cfg['seeds'] = [int(v) for v in sys.argv[5].split(',')]
if cap: cfg['epochs'] = min(cfg['epochs'], cap); cfg['seeds'] = cfg['seeds'][:1]
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
torch.backends.cudnn.benchmark = False
d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'crops.npz'))
X = torch.tensor(d['X'].astype(np.float32), device=dev)
Y = d['Y']; FOLD = d['fold']; IVD = d['ivd']; PAT = d['patient']; N = len(Y)
pid = {p: i for i, p in enumerate(sorted(set(PAT)))}
PID = np.array([pid[p] for p in PAT])
YT = torch.tensor(Y, device=dev); IVDT = torch.tensor(IVD, device=dev)


def log(*a):
    print(f'[{name} {time.time() - T0:6.1f}s]', *a, flush=True)


class CBA(nn.Module):
    def __init__(s, i, o, k, act=True):
        super().__init__(); s.c = nn.Conv2d(i, o, k, padding=k // 2, bias=False); s.b = nn.BatchNorm2d(o); s.a = act
    def forward(s, x):
        y = s.b(s.c(x)); return F.relu(y) if s.a else y


class Block(nn.Module):
    def __init__(s, i, o):
        super().__init__(); s.c1 = CBA(i, o, 3); s.c2 = CBA(o, o, 3, False); s.sc = None if i == o else CBA(i, o, 1, False)
    def forward(s, x):
        return F.relu(s.c2(s.c1(x)) + (x if s.sc is None else s.sc(x)))


class Net(nn.Module):
    def __init__(s, base, blocks, ctx, lvl, stages=4):
        super().__init__()
        s.stem = CBA(2, base, 3)
        st = []
        for k in range(stages):
            i = base if k == 0 else base << (k - 1); o = base << k
            st.append(nn.Sequential(*[Block(i if j == 0 else o, o) for j in range(blocks)]))
        s.stages = nn.ModuleList(st); s.ctx = ctx; s.lvl = lvl
        feat = base << (stages - 1)
        s.head = nn.Linear(feat * (3 if ctx else 1) + (6 if lvl else 0), int(OFF[-1]))
    def forward(s, x, ivd, grp):
        h = s.stem(x)
        for k, st in enumerate(s.stages): h = st(F.max_pool2d(h, 2) if k else h)
        e = h.float().mean((2, 3)); parts = [e]
        if s.ctx:
            g = int(grp.max().item()) + 1
            sums = torch.zeros(g, e.shape[1], device=e.device).index_add_(0, grp, e)
            cnt = torch.zeros(g, device=e.device).index_add_(0, grp, torch.ones(len(grp), device=e.device))
            c = (sums / cnt[:, None])[grp]; parts += [c, e - c]
        if s.lvl: parts.append(F.one_hot((ivd.clamp(1, 6) - 1), 6).float())
        return s.head(torch.cat(parts, 1))


def augment(x, gen):
    n, c, h, w = x.shape
    u = lambda *sh: torch.rand(*sh, device=dev, generator=gen)
    on = (u(n) < 0.6).float()
    rot = (u(n) * 2 - 1) * math.radians(6) * on; shear = (u(n) * 2 - 1) * math.radians(3) * on
    sc = 1 + (u(n) * 2 - 1) * 0.1 * on; sx = sc * (1 + (u(n) * 2 - 1) * 0.1 / 3 * on); sy = sc * (1 + (u(n) * 2 - 1) * 0.1 / 3 * on)
    tx = (u(n) * 2 - 1) * 0.04 * w * on; ty = (u(n) * 2 - 1) * 0.04 * h * on
    cr, sr = torch.cos(rot), torch.sin(rot)
    a11 = cr / sx; a12 = (-sr + torch.tan(shear) * cr) / sx; a21 = sr / sy; a22 = (cr + torch.tan(shear) * sr) / sy
    theta = torch.zeros(n, 2, 3, device=dev)
    # pixel-space (centred) matrix A -> normalised: S^-1 A S, S = diag(w/2, h/2)
    theta[:, 0, 0] = a11; theta[:, 0, 1] = a12 * h / w; theta[:, 1, 0] = a21 * w / h; theta[:, 1, 1] = a22
    theta[:, 0, 2] = tx / (w / 2); theta[:, 1, 2] = ty / (h / 2)
    grid = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, grid, mode='bilinear', padding_mode='zeros', align_corners=False)
    # per-channel intensity: contrast/brightness (p 0.7), gamma (p 0.7), noise (p 0.2)
    mean = x.mean((2, 3), keepdim=True); std = x.std((2, 3), keepdim=True) + 1e-6
    onc = (u(n, c, 1, 1) < 0.7).float()
    x = (x - mean) * (1 + (u(n, c, 1, 1) * 2 - 1) * 0.25 * onc) + mean + (u(n, c, 1, 1) * 2 - 1) * 0.1 * std * onc
    ong = (u(n, c, 1, 1) < 0.7).float()
    mn = x.amin((2, 3), keepdim=True); mx = x.amax((2, 3), keepdim=True); r = (mx - mn).clamp_min(1e-6)
    gam = torch.exp((u(n, c, 1, 1) * 2 - 1) * 0.3 * ong)
    x = mn + r * ((x - mn) / r).clamp(0, 1) ** gam
    onn = (u(n, 1, 1, 1) < 0.2).float()
    x = x + torch.randn(x.shape, device=dev, generator=gen) * 0.05 * std * onn
    # T1 dropout (p 0.3)
    keep = (u(n) >= 0.3).float()
    x = torch.cat([x[:, :1], x[:, 1:] * keep[:, None, None, None]], 1)
    return x


def class_weights(idx):
    ws = []
    for h, (_, c) in enumerate(HEADS):
        cnt = np.bincount(Y[idx, h], minlength=c).astype(float)
        w = np.where(cnt > 0, np.power(np.maximum(cnt, 1), -0.5), np.nan); w = w / np.nanmean(w); w = np.where(np.isnan(w), 1, w)
        ws.append(torch.tensor(w, dtype=torch.float32, device=dev))
    return ws


def batches_of(idx, rng, ctx, bs=32):
    if not ctx:
        p = rng.permutation(idx); return [p[i:i + bs] for i in range(0, len(p), bs)]
    pats = rng.permutation(np.unique(PID[idx])); out = []; cur = []
    for p in pats:
        cur.extend(idx[PID[idx] == p].tolist())
        if len(cur) >= bs - 3: out.append(np.array(cur)); cur = []
    if cur: out.append(np.array(cur))
    return out


def group_ids(b):
    _, inv = np.unique(PID[b], return_inverse=True); return torch.tensor(inv, device=dev)


def logits_of(net, idx, ctx):
    net.eval(); out = np.zeros((len(idx), int(OFF[-1])), np.float32)
    row = np.zeros(N, np.int64); row[idx] = np.arange(len(idx))
    # whole patients per batch, so the context sees all of a patient's discs
    bl = batches_of(idx, np.random.RandomState(0), True, 128) if ctx else [idx[i:i + 256] for i in range(0, len(idx), 256)]
    with torch.no_grad(), torch.autocast('cuda', dtype=torch.bfloat16, enabled=dev == 'cuda'):
        for b in bl:
            bt = torch.from_numpy(b).to(dev)
            out[row[b]] = net(X[bt], IVDT[bt], group_ids(b)).float().cpu().numpy()
    assert sum(len(b) for b in bl) == len(idx)
    return out


def bacc(z, idx):
    v = []
    for h, (_, c) in enumerate(HEADS):
        pred = z[:, OFF[h]:OFF[h + 1]].argmax(1); y = Y[idx, h]
        v.append(np.mean([np.mean(pred[y == k] == k) for k in range(c) if np.any(y == k)]))
    return float(np.mean(v))


def fit_temps(z, idx):
    ts = []
    grid = np.exp(np.linspace(np.log(0.2), np.log(5), 121))
    for h, (_, c) in enumerate(HEADS):
        zz = z[:, OFF[h]:OFF[h + 1]].astype(np.float64); y = Y[idx, h]
        best = None
        for t in grid:
            a = zz / t; a = a - a.max(1, keepdims=True); nll = -(a[np.arange(len(y)), y] - np.log(np.exp(a).sum(1))).mean()
            if best is None or nll < best[0]: best = (nll, t)
        ts.append(best[1])
    return ts


def probs(z, ts):
    out = []
    for h, (_, c) in enumerate(HEADS):
        a = z[:, OFF[h]:OFF[h + 1]] / ts[h]; a = a - a.max(1, keepdims=True); e = np.exp(a); out.append(e / e.sum(1, keepdims=True))
    return np.concatenate(out, 1)


def train_fold(tr, va, seed):
    torch.manual_seed(seed); rng = np.random.RandomState(seed)
    gen = torch.Generator(device=dev); gen.manual_seed(seed)
    net = Net(cfg['base'], cfg['blocks'], cfg['ctx'], cfg['lvl']).to(dev).to(memory_format=torch.channels_last)
    Opt = torch.optim.AdamW if cfg['opt'] == 'adamw' else torch.optim.Adam
    opt = Opt(net.parameters(), lr=cfg['lr'], weight_decay=cfg['wd'])
    ws = class_weights(tr); E = cfg['epochs']
    steps_per = len(batches_of(tr, np.random.RandomState(0), cfg['ctx'])); total = E * steps_per; step = 0
    best = (-1, None, 0); since = 0
    for ep in range(E):
        net.train()
        for b in batches_of(tr, rng, cfg['ctx']):
            if cfg['sched'] == 'cos':
                warm = steps_per * 2
                lr = cfg['lr'] * (step / warm if step < warm else 0.5 * (1 + math.cos(math.pi * (step - warm) / max(1, total - warm))))
                for g in opt.param_groups: g['lr'] = lr
            step += 1
            bt = torch.from_numpy(b).to(dev)
            x = augment(X[bt], gen).contiguous(memory_format=torch.channels_last)
            with torch.autocast('cuda', dtype=torch.bfloat16, enabled=dev == 'cuda'):
                z = net(x, IVDT[bt], group_ids(b)).float()
            yb = YT[bt]
            loss = sum(F.cross_entropy(z[:, OFF[h]:OFF[h + 1]], yb[:, h], weight=ws[h], label_smoothing=cfg['ls']) for h in range(len(HEADS)))
            opt.zero_grad(set_to_none=True); loss.backward(); opt.step()
        if cfg['select'] == 'bacc':
            m = bacc(logits_of(net, va, cfg['ctx']), va)
            if m > best[0]:
                best = (m, {k: v.detach().clone() for k, v in net.state_dict().items()}, ep); since = 0
            else:
                since += 1
                if cfg['patience'] and since >= cfg['patience']: break
    if cfg['select'] == 'bacc': net.load_state_dict(best[1])
    return net, (best[2] if cfg['select'] == 'bacc' else E - 1)


def metrics(P):
    r = {}
    pf = P[:, 0:5]; cum = np.cumsum(pf, 1); g = (cum >= 0.5 * cum[:, -1:]).argmax(1); y = Y[:, 0]
    r['kappa'] = cohen_kappa_score(y, g, weights='linear'); r['acc'] = float(np.mean(g == y)); r['within1'] = float(np.mean(np.abs(g - y) <= 1))
    r['modic_any'] = roc_auc_score(Y[:, 1] > 0, 1 - P[:, OFF[1]])
    for h in range(2, 8): r[HEADS[h][0]] = roc_auc_score(Y[:, h], P[:, OFF[h] + 1])
    keys = ['kappa', 'modic_any', 'herniation', 'bulging', 'narrowing', 'spondylolisthesis', 'endplate_upper', 'endplate_lower']
    r['headline_mean'] = float(np.mean([r[k] for k in keys]))
    return {k: round(float(v), 4) for k, v in r.items()}


def patient_val_split(tr, seed):
    pats = np.unique(PID[tr]); rng = np.random.RandomState(seed); rng.shuffle(pats)
    nv = max(1, int(round(0.15 * len(pats)))); vp = set(pats[:nv].tolist())
    m = np.array([p in vp for p in PID[tr]]); return tr[~m], tr[m]


res = {'config': name, 'cfg': cfg, 'seeds_done': [], 'per_seed': {}, 'oof': {}, 'device': torch.cuda.get_device_name(0) if dev == 'cuda' else 'cpu'}
ens = None
for seed in cfg['seeds']:
    P = np.zeros((N, int(OFF[-1])), np.float32); done = True; epochs = []
    for k in range(5):
        if time.time() - T0 > budget: done = False; break
        te = np.where(FOLD == k)[0]; trall = np.where(FOLD != k)[0]
        tr, va = patient_val_split(trall, seed * 10 + k)
        net, ep = train_fold(tr, va, seed * 100 + k); epochs.append(ep)
        ts = fit_temps(logits_of(net, va, cfg['ctx']), va)
        P[te] = probs(logits_of(net, te, cfg['ctx']), ts)
        log(f'seed {seed} fold {k} epoch {ep} temps {np.round(ts, 2).tolist()}')
    if not done: log(f'budget reached in seed {seed}; stopped'); break
    res['seeds_done'].append(seed); res['per_seed'][str(seed)] = dict(metrics(P), epochs=epochs)
    ens = P if ens is None else ens + P
    res['ensemble'] = metrics(ens / len(res['seeds_done'])); res['oof'][str(seed)] = np.round(P, 4).tolist()
    log('seed', seed, res['per_seed'][str(seed)]); log('ensemble', res['ensemble'])
    json.dump(res, open(os.path.join(outdir, f'res_{name}_' + '_'.join(map(str, cfg['seeds'])) + '.json'), 'w'))
log('done', time.time() - T0)
