def diagnosticar(cuda_build, cuda_driver, capacidad, arquitecturas):
    # Revisa en orden: driver, variante, versiones, arquitectura
    ...


print(diagnosticar("12.8", "12.4", (8, 6), ["sm_80", "sm_86", "sm_90"]))   # ¿driver-antiguo?
print(diagnosticar(None, "12.8", (8, 6), []))                              # ¿variante-cpu?
