INDICE = "https://download.pytorch.org/whl/"
EXTRAS = ["torchvision", "torchaudio"]


def leer(comando, descripcion):
    """Separa una línea de pip en (paquetes, índice); el orden de los paquetes no importa."""
    expect(isinstance(comando, str), f"{descripcion} debería devolver una cadena, pero devolvió "
                                     f"{type(comando).__name__}.")
    expect("\n" not in comando.strip() and "&&" not in comando and ";" not in comando,
           f"{descripcion} devolvió varios comandos ({comando!r}): instala todo en una sola línea.")
    partes = comando.split()
    expect(partes[:2] == ["pip", "install"], f"{descripcion} debería empezar por 'pip install', pero es {comando!r}.")
    indice = None
    paquetes = []
    resto = iter(partes[2:])
    for parte in resto:
        if parte == "--index-url":
            indice = next(resto, None)
        else:
            paquetes.append(parte)
    return sorted(paquetes), indice


def caso(sistema, gpu):
    variante = random.choice(["cu118", "cu126", "cu128", "cu130"])
    extras = random.sample(EXTRAS, random.randint(0, 2))
    return sistema, gpu and sistema != "macos", variante, extras


def comprobar(student, reference, sistema, gpu):
    args = caso(sistema, gpu)
    descripcion = f"comando_instalacion{args!r}"
    esperado = leer(reference.comando_instalacion(*args), "la solución")
    paquetes, indice = leer(student.call("comando_instalacion", *args), descripcion)
    expect(paquetes == esperado[0], f"{descripcion} instala {paquetes}, pero hay que instalar {esperado[0]} "
                                    f"en el mismo comando.")
    if esperado[1] is None:
        expect(indice is None, f"{descripcion} usa el índice {indice}, pero en macOS basta con PyPI (trae MPS).")
    else:
        expect(indice == esperado[1], f"{descripcion} usa el índice {indice}, pero aquí corresponde {esperado[1]}.")


@check("con GPU NVIDIA usa el índice de su variante CUDA", points=3)
def con_gpu(student, reference):
    for sistema in ("linux", "windows"):
        comprobar(student, reference, sistema, True)


@check("sin GPU NVIDIA, en Linux y Windows, usa el índice de CPU", points=3)
def sin_gpu(student, reference):
    for sistema in ("linux", "windows"):
        comprobar(student, reference, sistema, False)


@check("en macOS instala desde PyPI, sin índice", points=2)
def mac(student, reference):
    comprobar(student, reference, "macos", False)


@check("torch y los extras van en el mismo comando", points=2)
def extras(student, reference):
    args = ("linux", True, "cu128", list(EXTRAS))
    paquetes, _ = leer(student.call("comando_instalacion", *args), f"comando_instalacion{args!r}")
    expect(paquetes == sorted(["torch", *EXTRAS]),
           f"Con extras={EXTRAS} el comando debería instalar torch, torchvision y torchaudio juntos, pero "
           f"instala {paquetes}.")
