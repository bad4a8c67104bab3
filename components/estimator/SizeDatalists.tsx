/** Suggestions for the vCPU and memory inputs: the valid Fargate sizes (memory per OS and vCPU). */
import { FARGATE_LINUX_SIZES, FARGATE_WINDOWS_SIZES } from "@/lib/engine/fargate-sizes";

export function SizeDatalists() {
  const vcpuValues = [...new Set(FARGATE_LINUX_SIZES.map((s) => s.vcpu))];
  return (
    <>
      <datalist id="vcpu-options">
        {vcpuValues.map((v) => (
          <option key={v} value={String(v)} />
        ))}
      </datalist>
      {(["linux", "windows"] as const).flatMap((os) => {
        const sizes = os === "linux" ? FARGATE_LINUX_SIZES : FARGATE_WINDOWS_SIZES;
        return [...new Set(sizes.map((s) => s.vcpu))].map((v) => (
          <datalist key={`${os}-${v}`} id={`mem-options-${os}-${v}`}>
            {sizes
              .filter((s) => s.vcpu === v)
              .map((s) => (
                <option key={s.memoryGiB} value={String(s.memoryGiB)} />
              ))}
          </datalist>
        ));
      })}
    </>
  );
}
