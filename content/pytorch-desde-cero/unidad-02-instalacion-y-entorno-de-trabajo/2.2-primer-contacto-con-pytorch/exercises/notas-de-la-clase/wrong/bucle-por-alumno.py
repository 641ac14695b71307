import torch


def media_por_alumno(notas):
    return notas.mean(dim=1)


def mejor_examen(notas):
    return notas.argmax(dim=1)


def notas_de_aprobados(notas, umbral):
    # Da las filas correctas, pero alumno a alumno
    filas = [fila for fila in notas if fila.mean() >= umbral]
    return torch.stack(filas) if filas else notas[:0]
