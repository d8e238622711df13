# Converts DiscScope's private crop cache (DiscSampleCache, "DSC1") and the stored fold assignment into one npz for the GPU screen.
# usage: python3 export_cache.py CACHE.bin models/grading/evaluation.json OUT.npz  (the crops stay outside the repo: *.npz is ignored here)
import struct, json, sys, numpy as np
path, evaljson, out = sys.argv[1:4]
f = open(path, 'rb'); b = f.read(); o = 0
def i32():
    global o; v = struct.unpack_from('<i', b, o)[0]; o += 4; return v
def f64():
    global o; v = struct.unpack_from('<d', b, o)[0]; o += 8; return v
def boo():
    global o; v = b[o] != 0; o += 1; return v
def s():
    global o; n = 0; shift = 0
    while True:
        c = b[o]; o += 1; n |= (c & 0x7f) << shift; shift += 7
        if c < 0x80: break
    v = b[o:o+n].decode(); o += n; return v
assert i32() == 0x44534331
W, H, sp, N = i32(), i32(), f64(), i32()
print(W, H, sp, N)
X = np.zeros((N, 2, H, W), np.float16); Y = np.zeros((N, 8), np.int64); pat = []; ivd = np.zeros(N, np.int64); t1 = np.zeros(N, bool)
for k in range(N):
    p = s(); iv = i32(); h = boo()
    pf, mo = i32(), i32(); eu, el, sp_, he, na, bu = [boo() for _ in range(6)]
    n = i32(); img = np.frombuffer(b, '<f4', n, o); o += 4 * n
    X[k] = img.reshape(2, H, W); pat.append(p); ivd[k] = iv; t1[k] = h
    # head order of GradingTask.All: pfirrmann, modic, herniation, bulging, narrowing, spondylolisthesis, endplate_upper, endplate_lower
    Y[k] = [pf - 1, mo, he, bu, na, sp_, eu, el]
assert o == len(b)
ev = json.load(open(evaljson))
fold = {(p['patient'], p['ivd']): p['fold'] for p in ev['predictions']}
heads = ['pfirrmann','modic','herniation','bulging','narrowing','spondylolisthesis','endplate_upper','endplate_lower']
ens = {(p['patient'], p['ivd']): np.concatenate([p['probabilities'][h] for h in heads]) for p in ev['predictions']}
F = np.array([fold[(pat[k], int(ivd[k]))] for k in range(N)])
E = np.stack([ens[(pat[k], int(ivd[k]))] for k in range(N)])
print('folds', np.bincount(F), 'T1', t1.sum(), 'range', X.min(), X.max())
np.savez(out, X=X, Y=Y, patient=np.array(pat), ivd=ivd, t1=t1, fold=F, ens=E)
