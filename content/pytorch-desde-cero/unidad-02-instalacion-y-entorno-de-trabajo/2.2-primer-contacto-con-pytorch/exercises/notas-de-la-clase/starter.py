import torch


def media_por_alumno(notas):
    # notas tiene forma (alumnos, exámenes)
    ...


def mejor_examen(notas):
    ...


def notas_de_aprobados(notas, umbral):
    # TODO: máscara booleana con los alumnos aprobados
    ...


notas = torch.tensor([[7.0, 8.5, 6.0],
                      [4.5, 5.0, 3.5],
                      [9.0, 9.5, 10.0],
                      [6.0, 4.0, 7.5]])
print(media_por_alumno(notas))
print(mejor_examen(notas))
print(notas_de_aprobados(notas, 5.0))
