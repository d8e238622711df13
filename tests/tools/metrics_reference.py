#!/usr/bin/env python3
"""Reference values for DiscScope.Evaluation tests, computed by peers (scikit-learn, scipy, numpy), never by DiscScope.

Usage: metrics_reference.py REQUEST.json  -> prints {"results": [...]} to stdout, one result per case in order.

A request is {"cases": [case, ...]}; each case has a "kind":
  surface        shape, spacing (mm, numpy axis order), pred, ref ('0'/'1' strings, C order)
                 -> Dice and medpy-style surface distances (scipy.ndimage.binary_erosion + distance_transform_edt)
  labels         truth, pred (class indices), n_classes -> sklearn confusion matrix, accuracy, balanced accuracy, kappas
  binary_scores  truth (0/1), scores (probabilities of class 1), threshold, bins -> sklearn ROC AUC, roc_curve, Brier, ECE
  multiclass     truth, probs (rows sum to 1), bins -> sklearn macro one-vs-rest AUC, multiclass Brier, top-label ECE
  temperature    truth, logits -> temperature minimising the NLL (scipy.optimize.minimize_scalar, bounded, on log T)
  logistic       x (rows), y (class indices), c (inverse L2 strength), x_test -> sklearn multinomial LogisticRegression
                 (newton-cg to a gradient norm of 1e-10; lbfgs stops at ~1e-4) fitted on StandardScaler-ed x: probabilities of x_test
  confident_learning  truth, probs -> cleanlab's compute_confident_joint (Northcutt et al. 2021) in numpy, as its published code
                 computes it without calibration: per-class thresholds, the class each row is confidently counted as (-1: none)
                 and the off-diagonal (label issue) flags
"""
import json
import sys

import numpy as np
from scipy import ndimage, optimize, special


def sk():
    """scikit-learn's metrics module, imported only by the cases that need it (the import costs about a second)."""
    from sklearn import metrics
    return metrics


def mask(s, shape):
    return (np.frombuffer(s.encode("ascii"), dtype=np.uint8) == ord("1")).reshape(shape)


def medpy_surface_distances(a, b, spacing):
    """medpy.metric.binary.__surface_distances: distances from the border voxels of a to the nearest border voxel of b."""
    fp = ndimage.generate_binary_structure(a.ndim, 1)
    a_border = a ^ ndimage.binary_erosion(a, structure=fp, iterations=1)
    b_border = b ^ ndimage.binary_erosion(b, structure=fp, iterations=1)
    dt = ndimage.distance_transform_edt(~b_border, sampling=spacing)
    return dt[a_border], int(a_border.sum())


def surface(c):
    shape = tuple(c["shape"])
    p, r = mask(c["pred"], shape), mask(c["ref"], shape)
    out = {"pred_voxels": int(p.sum()), "ref_voxels": int(r.sum()), "intersection": int((p & r).sum())}
    if p.any() and r.any():
        d_pr, n_p = medpy_surface_distances(p, r, c["spacing"])
        d_rp, n_r = medpy_surface_distances(r, p, c["spacing"])
        both = np.hstack((d_pr, d_rp))
        out.update({
            "dice": 2.0 * out["intersection"] / (out["pred_voxels"] + out["ref_voxels"]),
            "pred_surface": n_p, "ref_surface": n_r,
            "hd95": float(np.percentile(both, 95)),  # medpy.metric.binary.hd95
            "hd95_monai": float(max(np.percentile(d_pr, 95), np.percentile(d_rp, 95))),  # MONAI, directed=False
            "hd": float(both.max()),
            "assd": float(both.mean()),  # Heimann 2009 / MONAI symmetric=True
            "mean_p2r": float(d_pr.mean()), "mean_r2p": float(d_rp.mean()),
            "p2r": d_pr.tolist(),
        })
    return out


def labels(c):
    metrics = sk()
    y, p, k = np.array(c["truth"]), np.array(c["pred"]), c["n_classes"]
    lab = list(range(k))
    return {
        "confusion": metrics.confusion_matrix(y, p, labels=lab).tolist(),
        "accuracy": metrics.accuracy_score(y, p),
        "balanced_accuracy": metrics.balanced_accuracy_score(y, p),
        "kappa": metrics.cohen_kappa_score(y, p, labels=lab),
        "kappa_linear": metrics.cohen_kappa_score(y, p, labels=lab, weights="linear"),
        "kappa_quadratic": metrics.cohen_kappa_score(y, p, labels=lab, weights="quadratic"),
        "within_one": float(np.mean(np.abs(y - p) <= 1)),
    }


def ece_top_label(conf, correct, bins):
    """Guo et al. 2017: equal-width bins (b/M, (b+1)/M] (bin 0 also holds 0), sum_b |B|/n * |acc(B) - conf(B)|."""
    edges = np.arange(bins + 1) / bins
    total = 0.0
    for b in range(bins):
        lo, hi = edges[b], edges[b + 1]
        inb = (conf > lo) & (conf <= hi) if b > 0 else (conf >= lo) & (conf <= hi)
        if inb.any():
            total += inb.mean() * abs(correct[inb].mean() - conf[inb].mean())
    return float(total)


def binary_scores(c):
    metrics = sk()
    y, s, t = np.array(c["truth"]), np.array(c["scores"], dtype=float), c["threshold"]
    fpr, tpr, thr = metrics.roc_curve(y, s, drop_intermediate=False)
    best = int(np.argmax(tpr - fpr))
    pred = (s >= t).astype(int)
    tn, fp, fn, tp = metrics.confusion_matrix(y, pred, labels=[0, 1]).ravel()
    conf = np.maximum(s, 1 - s)
    correct = ((s >= 0.5).astype(int) == y).astype(float)
    return {
        "auc": metrics.roc_auc_score(y, s),
        "fpr": fpr[1:].tolist(), "tpr": tpr[1:].tolist(), "thresholds": thr[1:].tolist(),  # drop sklearn's (0, 0) start point
        "youden_threshold": float(thr[best]) if best > 0 else None,
        "youden_j": float(tpr[best] - fpr[best]),
        "sensitivity": tp / (tp + fn), "specificity": tn / (tn + fp),
        "brier": metrics.brier_score_loss(y, s),
        "ece": ece_top_label(conf, correct, c["bins"]),
    }


def multiclass(c):
    metrics = sk()
    y, P = np.array(c["truth"]), np.array(c["probs"], dtype=float)
    k = P.shape[1]
    onehot = np.eye(k)[y]
    return {
        "auc_macro_ovr": metrics.roc_auc_score(y, P, multi_class="ovr", average="macro", labels=list(range(k))),
        "auc_per_class": [metrics.roc_auc_score((y == j).astype(int), P[:, j]) for j in range(k)],
        "brier": float(np.mean(np.sum((P - onehot) ** 2, axis=1))),
        "ece": ece_top_label(P.max(axis=1), (P.argmax(axis=1) == y).astype(float), c["bins"]),
        "nll": float(-np.mean(np.log(P[np.arange(len(y)), y]))),
    }


def temperature(c):
    y, z = np.array(c["truth"]), np.array(c["logits"], dtype=float)

    def nll(log_t):
        lp = special.log_softmax(z / np.exp(log_t), axis=1)
        return -np.mean(lp[np.arange(len(y)), y])

    r = optimize.minimize_scalar(nll, bounds=(np.log(0.05), np.log(20.0)), method="bounded", options={"xatol": 1e-10})
    return {"temperature": float(np.exp(r.x)), "nll_before": float(nll(0.0)), "nll_after": float(r.fun)}


def logistic(c):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
    x = np.asarray(c["x"], float)
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c["c"], solver="newton-cg", tol=1e-10, max_iter=2000).fit(scaler.transform(x), np.asarray(c["y"]))
    return {"probabilities": model.predict_proba(scaler.transform(np.asarray(c["x_test"], float))).tolist()}


def confident_learning(c):
    y, P = np.array(c["truth"]), np.array(c["probs"], dtype=float)
    k = P.shape[1]
    with np.errstate(invalid="ignore"):
        t = np.array([P[y == j, j].mean() if (y == j).any() else np.nan for j in range(k)])
        reached = P >= t - 1e-6  # NaN thresholds compare False
    n = reached.sum(axis=1)
    guess = np.where(n > 1, P.argmax(axis=1), reached.argmax(axis=1))
    counted = np.where(n > 0, guess, -1)
    return {"thresholds": [None if np.isnan(v) else float(v) for v in t], "counted": counted.tolist(),
            "issues": ((n > 0) & (guess != y)).tolist()}


KINDS = {"surface": surface, "labels": labels, "binary_scores": binary_scores, "multiclass": multiclass, "temperature": temperature, "logistic": logistic, "confident_learning": confident_learning}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        req = json.load(f)
    out = [KINDS[c["kind"]](c) for c in req["cases"]]
    json.dump({"results": out}, sys.stdout, default=float)


if __name__ == "__main__":
    main()
