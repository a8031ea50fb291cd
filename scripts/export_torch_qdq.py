#!/usr/bin/python3
"""Export torchvision classifiers quantized by PyTorch itself (FX post-training quantization,
reference model) as QDQ ONNX: QuantizeLinear/DequantizeLinear around float convolutions, the
form torch and most converters produce. QuantLens folds those pairs into its int8 kernels;
scripts/bench_qdq.sh times the result against ONNX Runtime on the same file.

usage: scripts/export_torch_qdq.py OUT_DIR [--models resnet18] [--calibration 8]
"""
import argparse, os, warnings
import torch, torchvision
from torch.ao.quantization import get_default_qconfig_mapping
from torch.ao.quantization.quantize_fx import prepare_fx, convert_to_reference_fx

def _tensor_state_only():
    # torch 1.13's reference modules put their qscheme and dtype into the state dict, which the
    # ONNX exporter's tracer tries to detach: keep tensors only (the exporter needs no others)
    import torch.jit._trace as trace
    original = trace._unique_state_dict
    def tensors_only(module, keep_vars=False):
        state = module.state_dict(keep_vars=True)
        filtered = {k: v for k, v in state.items() if isinstance(v, torch.Tensor)}
        return {k: (v if keep_vars else v.detach()) for k, v in filtered.items()}
    trace._unique_state_dict = tensors_only
    torch.jit._unique_state_dict = tensors_only
    return original

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--models", default="resnet18")
    ap.add_argument("--calibration", type=int, default=8, help="random calibration batches")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    warnings.filterwarnings("ignore")
    _tensor_state_only()
    torch.manual_seed(0)
    for name in a.models.split(","):
        model = getattr(torchvision.models, name)(weights=None).eval()
        example = torch.randn(1, 3, 224, 224)
        prepared = prepare_fx(model, get_default_qconfig_mapping("qnnpack"), example_inputs=(example,))
        with torch.no_grad():
            for _ in range(a.calibration):
                prepared(torch.randn(4, 3, 224, 224))
        reference = convert_to_reference_fx(prepared)
        path = os.path.join(a.out, f"{name}_qdq.onnx")
        torch.onnx.export(reference, example, path, opset_version=13, input_names=["input"], output_names=["logits"])
        print(path, os.path.getsize(path) // 1024, "KiB")

if __name__ == "__main__":
    main()
